import { defineStructure } from '../structure.dsl';

// CODECO (Container gate-in/gate-out report), written from D.96A.
// Group numbers (SGn) follow D.96A; notes say where versions differ.
export const CODECO = defineStructure(
  'CODECO',
  'D.96A',
  `
UNH M1
BGM M1
FTX C9
RFF C9
SG1 C1
  TDT M1
  RFF C9
  LOC C9
  DTM C9
SG2 M9
  NAD M1
  CTA C9
SG3 C999
  GID M1
  HAN C9
  FTX C9
  PIA C9
  MEA C9
  TMP C9
  RNG C9
  SGP C999
  SG4 C9
    DGS M1
    FTX C9
SG5 M999
  EQD M1
  RFF C9
  TMD C9
  DTM C9
  LOC C9
  MEA C9
  DIM C9
  SEL C9
  FTX C9
  EQA C9
  SG6 C9
    DAM M1
    COD C1
  SG7 C9
    TDT M1
    LOC C1
    DTM C1
  NAD C9
CNT M1
UNT M1
`,
);
