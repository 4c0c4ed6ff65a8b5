import { defineStructure } from '../structure.dsl';

// COARRI (Container discharge/loading report), written from D.95B (the directory of the SMDG
// COARRI user manual) and D.96B. Group numbers follow D.95B; later directories add a DTM to the
// header and RFF groups, kept conditional here so one structure reads them all.
export const COARRI = defineStructure(
  'COARRI',
  'D.95B',
  `
UNH M1
BGM M1
DTM C9
FTX C9
RFF C9
SG1 C1
  TDT M1
  RFF C9
  LOC C9
  DTM C9
SG2 C9
  NAD M1
  CTA C9
SG3 C9999
  EQD M1
  RFF C9
  TMD C9
  DTM C9
  LOC C9
  MEA C9
  DIM C9
  TMP C9
  RNG C9
  SEL C9
  FTX C9
  DGS C99
  EQA C9
  SG4 C9
    DAM M1
    COD C1
  SG5 C1
    TDT M1
    LOC C9
    DTM C9
  NAD C9
CNT C1
UNT M1
`,
);
