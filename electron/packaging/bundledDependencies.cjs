// electron-builder's beforeBuild hook (electron-builder.yml). Answering false tells it that
// node_modules are handled outside electron-builder, so it neither rebuilds native modules nor
// copies production dependencies into app.asar. The app needs none: main and preload are
// self-contained bundles (vite.electron.config.ts) and the renderer is a Vite build. The
// project's production dependencies are the server's and the renderer's sources (fastify,
// better-sqlite3 — a native module the Electron app must not ship —, react, ...).
module.exports = async function beforeBuild() {
  return false;
};
