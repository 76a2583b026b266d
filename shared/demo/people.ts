import type { User } from '../schemas/users';

/**
 * The demo plant's people, one or more in each role: the server's demo seed and a station's own
 * demo plant use these same ids, names, badges and PINs. The PINs are printed on a demo station's
 * sign-in screen and in docs/sync.md; a real plant never ships them.
 */
export const demoPeople: readonly (User & { badgeId: string; pin: string })[] = [
  { id: 'u-ana', name: 'Ana Ortiz', role: 'technician', active: true, badgeId: '1001', pin: '1111' },
  { id: 'u-ben', name: 'Ben Okafor', role: 'technician', active: true, badgeId: '1002', pin: '2222' },
  { id: 'u-carla', name: 'Carla Mendes', role: 'technician', active: true, badgeId: '1003', pin: '3333' },
  { id: 'u-chen', name: 'Chen Wei', role: 'supervisor', active: true, badgeId: '2001', pin: '4444' },
  { id: 'u-dana', name: 'Dana Levi', role: 'engineer', active: true, badgeId: '3001', pin: '5555' },
  { id: 'u-eli', name: 'Eli Novak', role: 'admin', active: true, badgeId: '9001', pin: '9999' },
  { id: 'u-former', name: 'Frank Former', role: 'technician', active: false, badgeId: '1099', pin: '0000' },
];
