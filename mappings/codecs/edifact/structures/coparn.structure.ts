import { defineStructure } from '../structure.dsl';

// COPARN (Container announcement), written from D.96A + D.00B.
// Group numbers (SGn) follow D.00B; notes say where versions differ.
// Groups only the other directory has are named SGnx (n = their number there).
export const COPARN = defineStructure(
  'COPARN',
  'D.96A + D.00B',
  `
UNH M1
BGM M1
TMD C1
DTM C9  # D.00B, not in D.96A
TSR C9  # D.96A C1, D.00B C9
FTX C99  # D.96A C9, D.00B C99
RFF C9  # D.96A, dropped by D.00B
LOC C9  # D.00B, not in D.96A
SG1 C9  # D.00B, not in D.96A
  RFF M1
  DTM C9
SG2 C9  # D.96A SG1
  TDT M1
  RFF C9  # D.96A, dropped by D.00B
  LOC C9  # D.96A, dropped by D.00B
  DTM C9
  RFF C9  # D.00B, not in D.96A
  SG3 C9  # D.00B, not in D.96A
    LOC M1
    DTM C9
SG4 M9  # D.96A SG2
  NAD M1
  CTA C9  # D.96A, dropped by D.00B
  SG5 C9  # D.00B, not in D.96A
    CTA M1
    COM C9
  RFF C9
  DTM C9
SG6 C999  # D.96A SG3
  GID M1
  HAN C9
  FTX C9
  RFF C9
  PIA C9
  SG7 C99  # D.96A C9, D.00B C99; D.96A SG4
    NAD M1
    DTM C9
    RFF C9
  MEA C9
  DIM C9
  DOC C9  # D.96A, dropped by D.00B
  SG8 C9  # D.00B, not in D.96A
    DOC M1
    DTM C9
    LOC C9
  SG9 C999  # D.96A SG5
    SGP M1
    MEA C9
  SG10 C99  # D.96A C9, D.00B C99; D.96A SG6
    DGS M1
    FTX C9
    MEA C9
    SG11 C9  # D.00B, not in D.96A
      CTA M1
      COM C9
  SG12 C9  # D.00B, not in D.96A
    TMP M1
    RNG C1
SG13 M9999  # D.96A M999, D.00B M9999; D.96A SG7
  EQD M1
  RFF C9
  EQN C1
  TMD C9
  DTM C9
  TSR C9
  LOC C9
  MEA C9
  DIM C9
  TMP C9  # D.96A, dropped by D.00B
  RNG C9  # D.96A, dropped by D.00B
  SG14 C9  # D.00B, not in D.96A
    TMP M1
    RNG C1
  SEL C9
  FTX C9
  DGS C1  # D.96A, dropped by D.00B
  PCD C9  # D.00B, not in D.96A
  SG15 C99  # D.00B, not in D.96A
    DGS M1
    FTX C9
    MEA C9
    SG16 C9
      CTA M1
      COM C9
  MOA C9
  GOR C9
  EQA C1
  COD C1  # D.00B, not in D.96A
  HAN C9  # D.00B, not in D.96A
  SG17 C9  # D.96A SG8
    DAM M1
    COD C1
  SG18 C9  # D.96A SG9
    TDT M1
    LOC C9  # D.96A, dropped by D.00B
    DTM C9
    SG19 C9  # D.00B, not in D.96A
      LOC M1
      DTM C9
  SG20 C9  # D.96A SG10
    NAD M1
    DTM C1
    CTA C1
    COM C1
    RFF C9  # D.00B, not in D.96A
CNT C1  # D.96A M1, D.00B C1
UNT M1
`,
);
