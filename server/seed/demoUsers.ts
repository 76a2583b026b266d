import { demoPeople } from '../../shared/demo/people';

/**
 * The demo plant's people, with the badge and PIN to sign in with at a station (documented in
 * docs/sync.md): the same people a station's own demo plant uses. Demo only: a real plant adds
 * its own users (npm run admin).
 */
export const demoUsers = demoPeople;

/** The demo enrolment code: any number of demo stations may enrol with it for a year. */
export const demoEnrolmentCode = 'LOCKSTEP-DEMO';

/** The station the demo history was recorded on: it has no usable token. */
export const seedStationId = 'ST-SEED';
