/** The server's endpoints, declared once for the server and the station's sync worker. */
export const apiPaths = {
  health: '/v1/health',
  enrol: '/v1/stations/enrol',
  enrolmentCodes: '/v1/enrolment-codes',
  sessions: '/v1/sessions',
  users: '/v1/users',
  user: '/v1/users/:id',
  procedures: '/v1/procedures',
  procedure: '/v1/procedures/:id',
  runs: '/v1/runs',
  run: '/v1/runs/:id',
  runAudit: '/v1/runs/:id/audit',
  batches: '/v1/batches',
  batch: '/v1/batches/:id',
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  events: '/v1/sync/events',
  review: '/v1/review',
} as const;

/** The meta tag a Lockstep server adds to the station page it serves (see server/http/app.ts). */
export const servedByMeta = 'lockstep-served-by-server';
