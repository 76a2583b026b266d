import type { PinVerifierRecord } from '../session/pinVerifier';

/**
 * PBKDF2-SHA256 verifiers of the demo people's PINs (100,000 iterations, 16-byte salt derived from
 * the user id so the demo stays deterministic). Precomputed so a fresh station signs in without
 * hashing seven PINs first; test/renderer/session.test.ts checks each one against its PIN.
 */
export const demoVerifiers: readonly PinVerifierRecord[] = [
  { userId: 'u-ana', badgeId: '1001', iterations: 100_000, salt: '191qNW7CSVZVhrzDcQTb8Q==', hash: 'p3QTtk9pZMlI1ut4h+RaRazldnvsx4ic6xYqKpAwW8M=' },
  { userId: 'u-ben', badgeId: '1002', iterations: 100_000, salt: 'N7sU4u63noRiMDr/IHrOSg==', hash: 'mJnHg8mOka27e56UP5z3dNINkk6pelp2hpHrDmz6/RM=' },
  { userId: 'u-carla', badgeId: '1003', iterations: 100_000, salt: 'LmFQJeWvus+rbW/BOjHkHg==', hash: 'i2CZpb8GEp82oM7aScty9fOF4dNECULuSNWJKD1nIgo=' },
  { userId: 'u-chen', badgeId: '2001', iterations: 100_000, salt: 'rkOVUCYh6ER35sLeeiocnA==', hash: 'PDGcbKUQZH9lbT92AhZfCU/4Gjt3UocTj6MiyI6yMEE=' },
  { userId: 'u-dana', badgeId: '3001', iterations: 100_000, salt: 'z53lxy2kSRq76fubKELXZw==', hash: 'Sz88fm+j6A9HU2CrHv/TL+iZMY8/5jDQOp10EXWhfpY=' },
  { userId: 'u-eli', badgeId: '9001', iterations: 100_000, salt: 'WJH/cjLrogjFQsGMv5cLkQ==', hash: '3r+gCX+Mn4Se/yhsMAG2Ozu1ogSGhR0dZVNNf03NmIw=' },
  { userId: 'u-former', badgeId: '1099', iterations: 100_000, salt: 'vyneKjRhLjqditTIuTJzBg==', hash: '9M+wgeOIFI63C4Zz7H1Ow31Xx4IHFvmQMDkJovBKdE8=' },
];
