import { defineStructure } from '../structure.dsl';

// IFTMIN (Instruction message), written from D.96A + D.00B.
// Group numbers (SGn) follow D.00B; notes say where versions differ.
// Groups only the other directory has are named SGnx (n = their number there).
export const IFTMIN = defineStructure(
  'IFTMIN',
  'D.96A + D.00B',
  `
UNH M1
BGM M1
CTA C1
COM C9
DTM C9
TSR C9
CUX C9
MOA C99
FTX C99
CNT C9
DOC C9
GDS C9  # D.00B, not in D.96A
SG1 C99
  LOC M1
  DTM C9
SG2 C2
  TOD M1
  LOC C9
SG3 C999  # D.96A C99, D.00B C999
  RFF M1
  DTM C9
SG4 C9
  GOR M1
  DTM C9
  LOC C9
  SEL C9
  FTX C9
  SG5 C9
    DOC M1
    DTM C1
SG6 C9
  CPI M1
  RFF C99
  CUX C1
  LOC C9
  MOA C9
SG7 C99
  TCC M1
  LOC C1
  FTX C1
  CUX C1
  PRI C1
  EQN C1
  PCD C1
  MOA C9
  QTY C9
SG8 C99
  TDT M1
  DTM C9
  TSR C9
  SG9 C99
    LOC M1
    DTM C9  # D.96A C1, D.00B C9
  SG10 C9
    RFF M1
    DTM C1
SG11 M99
  NAD M1
  LOC C9
  MOA C9
  SG12 C9
    CTA M1
    COM C9
  SG13 C9
    DOC M1
    DTM C1
  SG14 C99
    TCC M1
    CUX C1  # D.00B, not in D.96A
    PRI C1
    EQN C1
    PCD C1
    MOA C9
    QTY C9
  SG15 C9
    RFF M1
    DTM C9
  SG16 C9
    CPI M1
    RFF C99
    CUX C1
    LOC C9
    MOA C9
  SG17 C99
    TSR M1
    RFF C1
    LOC C1
    TPL C1
    FTX C9
SG18 C999
  GID M1
  HAN C99  # D.96A C1, D.00B C99
  TMP C1
  RNG C1
  TMD C1
  LOC C9
  MOA C9
  PIA C9
  FTX C99  # D.96A C9, D.00B C99
  PCD C9  # D.00B, not in D.96A
  SG19 C9
    NAD M1
    DTM C1
    LOC C9  # D.00B, not in D.96A
  GDS C9
  SG20 C99
    MEA M1
    EQN C1
  SG21 C99
    DIM M1
    EQN C1
  SG22 C9
    RFF M1
    DTM C9
  SG23 C999  # D.96A C9, D.00B C999
    PCI M1
    RFF C1
    DTM C1
    GIN C10
  SG24 C9
    DOC M1
    DTM C9
  SG25 C9
    GOR M1
    DTM C9
    LOC C9
    SEL C9
    FTX C9
    SG26 C9
      DOC M1
      DTM C1
  SG27 C9
    TPL M1
    SG28 C9
      MEA M1
      EQN C1
  SG29 C999
    SGP M1
    SG30 C9
      MEA M1
      EQN C1
  SG31 C99
    TCC M1
    CUX C1
    PRI C1
    EQN C1
    PCD C1
    MOA C9
    QTY C9
    LOC C9
  SG32 C99  # D.96A C9, D.00B C99
    DGS M1
    FTX C99
    SG33 C9
      CTA M1
      COM C9
    SG34 C9
      MEA M1
      EQN C1
    SG35 C999
      SGP M1
      SG36 C9
        MEA M1
        EQN C1
SG37 C999
  EQD M1
  EQN C1
  TMD C1
  MEA C9
  DIM C9
  SEL C99
  TPL C9
  HAN C1
  TMP C1
  FTX C9
  RFF C9  # D.00B, not in D.96A
  SG38 C99
    TCC M1
    CUX C1  # D.00B, not in D.96A
    PRI C1
    EQN C1
    PCD C1
    MOA C9
    QTY C9
  SG39 C9
    NAD M1
    DTM C1
    SG40 C9
      CTA M1
      COM C9
  SG41 C99
    EQA M1
    EQN C1
  SG42 C99  # D.00B, not in D.96A
    DGS M1
    FTX C9
    SG43 C9
      CTA M1
      COM C9
UNT M1
`,
);
