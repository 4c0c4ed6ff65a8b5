import { Injectable } from '@nestjs/common';

/**
 * The time the insurance run works by. Sinosure's deadlines are China dates, so "today" is
 * the date in Asia/Shanghai. One injectable instance, so a test can run a trade on its own
 * timeline (set `now`) while everything else keeps the wall clock.
 */
@Injectable()
export class InsuranceClock {
  now: () => Date = () => new Date();

  /** YYYY-MM-DD in China (UTC+8, no daylight saving). */
  today(): string {
    return new Date(this.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  }
}
