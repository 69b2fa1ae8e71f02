/** One small tree of errors so callers can tell "tell the user" from "stop the process". */

export class SkillbotError extends Error {
  override readonly name: string = 'SkillbotError';
}

/** A wrong or missing environment variable. The message names the variable and the fix. */
export class ConfigError extends SkillbotError {
  override readonly name = 'ConfigError';
}

/** A content file that does not validate. The message names the file and the field. */
export class ContentError extends SkillbotError {
  override readonly name = 'ContentError';
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: field "${field}" ${problem}`);
  }
}

/** The data file cannot be used as it is (corrupt, wrong shape, locked). Start-up stops; the file is untouched. */
export class DataFileError extends SkillbotError {
  override readonly name = 'DataFileError';
}

/** A write to the data file failed; the in-memory change was rolled back. */
export class StoreWriteError extends SkillbotError {
  override readonly name = 'StoreWriteError';
}

export type DeliveryFailure = 'permanent' | 'temporary' | 'rate_limited' | 'auth';

/** A platform refused or failed a send. `permanent` pauses a schedule; `rate_limited` says when to retry. */
export class DeliveryError extends SkillbotError {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly failure: DeliveryFailure,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
