import { isValidContainerNo } from '../../core/model/values/container-no';

/**
 * A container number an X12 status names (315 B4, 214 MS2): kept when it has the ISO 6346
 * shape, even with a failing check digit (carriers send these; a warning says so); left out
 * with a warning when it is no container number at all (a trailer or chassis id).
 */
export function reportedContainer(no: string, warnings: string[]): string | undefined {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(no)) {
    warnings.push(`container "${no}" is not an ISO 6346 number, left out`);
    return undefined;
  }
  if (!isValidContainerNo(no))
    warnings.push(`container number ${no} fails the ISO 6346 check digit, kept as sent`);
  return no;
}
