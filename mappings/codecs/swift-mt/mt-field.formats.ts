/** Line layout of free-text fields: at most `lines` lines of `width` characters. */
export interface LineFormat {
  lines: number;
  width: number;
}

const format = (lines: number, width: number): LineFormat => ({ lines, width });

// From the SWIFT field formats: 4*35x parties (+ optional /34x account line), 6*65x :86:,
// 100*65x LC narratives, 6*35x sender-to-receiver information.
export const LINE_FORMATS: Record<string, LineFormat> = {
  '20': format(1, 16),
  '21': format(1, 16),
  '25': format(1, 35),
  '50': format(4, 35),
  '50K': format(5, 35),
  '50H': format(5, 35),
  '77B': format(3, 35),
  '52D': format(5, 35),
  '57D': format(5, 35),
  '59': format(5, 35),
  '70': format(4, 35),
  '72': format(6, 35),
  '72Z': format(6, 35),
  '79': format(35, 50),
  '86': format(6, 65),
  '42C': format(3, 35),
  '44A': format(1, 140),
  '44B': format(1, 140),
  '44D': format(6, 65),
  '44E': format(1, 140),
  '44F': format(1, 140),
  '45A': format(100, 65),
  '46A': format(100, 65),
  '47A': format(100, 65),
  '45B': format(100, 65),
  '46B': format(100, 65),
  '47B': format(100, 65),
  '71D': format(6, 35),
};
