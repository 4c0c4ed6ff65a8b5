import { defineStructure } from '../structure.dsl';

// IFTMBC (Booking confirmation), written from D.96A.
// Group numbers (SGn) follow D.96A; notes say where versions differ.
export const IFTMBC = defineStructure(
  'IFTMBC',
  'D.96A',
  `
UNH M1
BGM M1
CTA C1
COM C9
DTM C9
TSR C9
FTX C99
CNT C9
SG1 C99
  LOC M1
  DTM C9
SG2 C99
  RFF M1
  DTM C9
TCC C9
SG3 C99
  TDT M1
  DTM C9
  TSR C9
  SG4 C99
    LOC M1
    DTM C1
  SG5 C9
    RFF M1
    DTM C1
SG6 C99
  NAD M1
  LOC C9
  SG7 C99
    TSR M1
    RFF C1
    LOC C1
    TPL C1
    FTX C9
SG8 C999
  GID M1
  HAN C1
  TMP C1
  RNG C1
  TMD C1
  LOC C9
  FTX C9
  SG9 C9
    NAD M1
    DTM C1
  GDS C9
  SG10 C99
    MEA M1
    EQN C1
  SG11 C99
    DIM M1
    EQN C1
  SG12 C9
    RFF M1
    DTM C9
  SG13 C9
    DOC M1
    DTM C9
  SG14 C9
    DGS M1
    FTX C99
    SG15 C9
      MEA M1
      EQN C1
SG16 C999
  EQD M1
  EQN C1
  TMD C1
  MEA C9
  DIM C9
  HAN C1
  TMP C1
  FTX C9
  SG17 C9
    NAD M1
    DTM C1
UNT M1
`,
);
