import { demoPeople } from '../../../shared/demo/people';
import type { User } from '../../../shared/schemas/users';

export { demoPeople };

/** The demo people as the cache holds them: public profiles only. */
export const demoUsers: readonly User[] = demoPeople.map(({ id, name, role, active }) => ({ id, name, role, active }));
