import { defineStructure } from '../structure.dsl';

// IFTSTA (International multimodal status report), written from D.96A + D.00B.
// Group numbers (SGn) follow D.00B; notes say where versions differ.
// Groups only the other directory has are named SGnx (n = their number there).
export const IFTSTA = defineStructure(
  'IFTSTA',
  'D.96A + D.00B',
  `
UNH M1
BGM M1
DTM C9
TSR C1
SG1 C9
  NAD M1
  SG2 C9
    CTA M1
    COM C9
SG3 C9
  RFF M1
  DTM C1
LOC C9
FTX C9
CNT C9
SG4 C99999  # D.96A C999, D.00B C99999
  CNI M1
  LOC C9
  CNT C9
  SG5 M99
    STS M1
    RFF C999  # D.96A C9, D.00B C999
    DTM C9
    DOC C1
    FTX C9
    NAD C9
    LOC C1
    PCI C99
    SG6 C99
      TDT M1
      DTM C9
      RFF C9
      # D.96A has TDT RFF LOC DTM here: its LOC (and the DTM after it) are read as SG7.
      SG7 C9  # D.00B, not in D.96A
        LOC M1
        DTM C9
      DTM C9  # D.96A order (DTM after RFF, no LOC)
    SG8 C99  # D.96A SG7
      EQD M1
      MEA C9
      DIM C9
      SEL C9
      RFF C9  # D.00B, not in D.96A
      TPL C9  # D.00B, not in D.96A
      TMD C1  # D.00B, not in D.96A
      SG9 C99  # D.96A SG8
        EQA M1
        SEL C9
    SG10 C99  # D.96A SG9
      GID M1
      HAN C9
      SGP C99  # D.00B, not in D.96A
      DGS C9  # D.00B, not in D.96A
      FTX C9  # D.00B, not in D.96A
      SG11 C99  # D.96A SG10
        MEA M1
        EQN C1
      SG12 C99  # D.96A SG11
        DIM M1
        EQN C1
      SG13 C99  # D.96A SG12
        PCI M1
        GIN C9
UNT M1
`,
);
