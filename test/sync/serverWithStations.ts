import { afterEach, beforeEach } from 'vitest';
import { startTestServer, type TestServer } from '../server/harness';
import { StationUnderTest } from './stationUnderTest';

/**
 * For a describe block: a fresh real server (SQLite file, HTTP on loopback) before each test,
 * the stations the test starts on it, and all of them stopped after it.
 */
export function serverWithStations() {
  let server: TestServer | null = null;
  let stations: StationUnderTest[] = [];
  beforeEach(async () => {
    server = await startTestServer();
    stations = [];
  });
  afterEach(async () => {
    for (const s of stations) s.stop();
    await server?.dispose();
    server = null;
  });
  const current = (): TestServer => {
    if (!server) throw new Error('the server runs only inside a test');
    return server;
  };
  const head = () => current().store.feed.head();
  return {
    get server(): TestServer {
      return current();
    },
    head,
    /** A station enrolled on the server and caught up with its feed. */
    station: async (name: string): Promise<StationUnderTest> => {
      const s = await StationUnderTest.start(current().url, name);
      stations.push(s);
      await s.settled(head);
      return s;
    },
  };
}
