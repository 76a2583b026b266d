import * as z from 'zod';
import { Id, Instant } from '../schemas/common';
import { User } from '../schemas/users';

/** POST /v1/stations/enrol: a one-time or limited-use code an admin handed out. */
export const EnrolRequest = z.object({
  code: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(120),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  stationId: Id,
  /** Shown once: the server keeps only its hash. Sent as `Authorization: Bearer <token>`. */
  token: z.string(),
  expiresAt: Instant,
  /** The sequence number of this station's first operation. */
  nextSeq: z.number().int().positive(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** POST /v1/enrolment-codes: an admin (ManageStations) creates a code for new stations. */
export const CreateEnrolmentCodeRequest = z.object({
  actorId: Id,
  uses: z.number().int().min(1).max(1000).default(1),
  validHours: z.number().int().min(1).max(24 * 365).default(72),
});
export const CreateEnrolmentCodeResponse = z.object({ code: z.string(), expiresAt: Instant, uses: z.number().int() });

/** POST /v1/sessions: a user signs in at an enrolled station with badge id and PIN. */
export const SignInRequest = z.object({
  badgeId: z.string().trim().min(1).max(64),
  pin: z.string().min(4).max(12).regex(/^[0-9]+$/, 'a PIN is digits only'),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/**
 * What a station keeps to check this user's PIN while offline: the slow salted hash, never the
 * PIN. See docs/sync.md "Identity and trust" for the trade-off.
 */
export const PinVerifier = z.object({
  /** PBKDF2-HMAC-SHA256: what WebCrypto can check at the station without any library. */
  algorithm: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().positive(),
  keyLength: z.number().int().positive(),
  /** Standard base64. */
  salt: z.string(),
  /** Standard base64. */
  hash: z.string(),
});
export type PinVerifier = z.infer<typeof PinVerifier>;

export const SignInResponse = z.object({
  user: User,
  badgeId: z.string(),
  verifier: PinVerifier,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** A user as any station may see them: no badge, no PIN material. */
export const PublicUser = User;
export type PublicUser = z.infer<typeof PublicUser>;
