/** One signed-in device of the user. */
export class SessionResponse {
  /** @example "0d3f5a62-3c1e-4f7a-9b0e-6f2a1c9d8e47" */
  id!: string;

  /** The session of the access token that asked. */
  current!: boolean;

  /** @example "Телефон" */
  deviceName!: string | null;

  /** @example "Mozilla/5.0 (X11; Linux x86_64)" */
  userAgent!: string | null;

  /** Client address at sign-in. @example "192.0.2.10" */
  ip!: string | null;

  createdAt!: Date;

  /** Sign-in or the latest refresh. */
  lastUsedAt!: Date;

  /** After this the device must sign in again. */
  expiresAt!: Date;
}

export class SessionListResponse {
  /** Active sessions, most recently used first. */
  items!: SessionResponse[];
}
