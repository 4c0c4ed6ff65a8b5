import { defineStructure } from '../structure.dsl';

// INVRPT (Inventory report), written from D.96A + a later D directory.
// Group numbers (SGn) follow D.96A; notes say where versions differ.
// Groups only the other directory has are named SGnx (n = their number there).
export const INVRPT = defineStructure(
  'INVRPT',
  'D.96A + a later D directory',
  `
UNH M1
BGM M1
FTX C99  # later directories, not in D.96A
DTM M10
SG1 C10
  RFF M1
  DTM C1
SG2 C20
  NAD M1
  LOC C5
  SG3 C99  # newer C99, D.96A C10
    RFF M1
    DTM C1
  SG4 C10
    CTA M1
    COM C5
SG5 C5
  CUX M1
  DTM C1
SG6 C9999
  CPS M1
  SG7 C999
    PAC M1
    PAI C1000  # later directories, not in D.96A
    PCI C1000  # D.96A, dropped by D.00B
    SG8 C9999
      QTY M1
      GIN C9999
      DTM C5
SG9 C9999999  # newer C9999999, D.96A C9999
  LIN M1
  PIA C10
  IMD C10
  NAD C1  # later directories, not in D.96A
  MEA C10
  ALI C10
  LOC C5
  DTM C5
  FTX C99  # later directories, not in D.96A
  SG10 C10
    RFF M1
    DTM C1
  SG11x C1  # later directories, not in D.96A
    CTA M1
    COM C9
  SG12x C9999  # later directories, not in D.96A
    INV M1
    QTY M9
    GIN C9999
    LOC C5
    DTM C5
    STS C9
    FTX C9
    SG13 C5
      NAD M1
      LOC C1
    SG14 C5
      PRI M1
      CUX C1
      DTM C1
    SG15 C10
      RFF M1
      DTM C1
    SG16 C9999
      CPS M1
      SG17 C9999
        PAC M1
        MEA C10
        QTY C10
        SG18 C9999
          PCI M1
          RFF C1
          DTM C5
          GIN C9999
          SG19 C99
            GIR M1
            DTM C5
  SG11 C9999  # D.96A, dropped by D.00B
    QTY M1
    INV C1
    GIN C9999
    LOC C5
    DTM C5
    STS C9
    SG12 C5
      NAD M1
      LOC C1
    SG13 C5
      PRI M1
      CUX C1
      DTM C1
    SG14 C10
      RFF M1
      DTM C1
    SG15 C9999
      CPS M1
      SG16 C9999
        PAC M1
        MEA C10
        QTY C10
        SG17 C9999
          PCI M1
          RFF C1
          DTM C5
          GIN C9999
UNT M1
`,
);
