import type { User } from '../../shared/schemas/users';

/**
 * The demo plant's people, one or more in each role, with the badge and PIN to sign in with at a
 * station (documented in docs/sync.md). Demo only: a real plant adds its own users.
 */
export const demoUsers: readonly (User & { badgeId: string; pin: string })[] = [
  { id: 'u-ana', name: 'Ana Ortiz', role: 'technician', active: true, badgeId: '1001', pin: '1111' },
  { id: 'u-ben', name: 'Ben Okafor', role: 'technician', active: true, badgeId: '1002', pin: '2222' },
  { id: 'u-carla', name: 'Carla Mendes', role: 'technician', active: true, badgeId: '1003', pin: '3333' },
  { id: 'u-chen', name: 'Chen Wei', role: 'supervisor', active: true, badgeId: '2001', pin: '4444' },
  { id: 'u-dana', name: 'Dana Levi', role: 'engineer', active: true, badgeId: '3001', pin: '5555' },
  { id: 'u-eli', name: 'Eli Novak', role: 'admin', active: true, badgeId: '9001', pin: '9999' },
  { id: 'u-former', name: 'Frank Former', role: 'technician', active: false, badgeId: '1099', pin: '0000' },
];

/** The demo enrolment code: any number of demo stations may enrol with it for a year. */
export const demoEnrolmentCode = 'LOCKSTEP-DEMO';

/** The station the demo history was recorded on: it has no usable token. */
export const seedStationId = 'ST-SEED';
