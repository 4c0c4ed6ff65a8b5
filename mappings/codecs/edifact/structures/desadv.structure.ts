import { defineStructure } from '../structure.dsl';

// DESADV (Despatch advice), written from D.96A + a later D directory.
// Group numbers (SGn) follow D.96A; notes say where versions differ.
// Groups only the other directory has are named SGnx (n = their number there).
export const DESADV = defineStructure(
  'DESADV',
  'D.96A + a later D directory',
  `
UNH M1
BGM M1
DTM C10
ALI C5
MEA C5
MOA C5
CUX C9  # later directories, not in D.96A
SG1 C99  # newer C99, D.96A C10
  RFF M1
  DTM C9  # newer C9, D.96A C1
SG2 C99  # newer C99, D.96A C10
  NAD M1
  LOC C10
  SG3 C99  # newer C99, D.96A C10
    RFF M1
    DTM C99  # newer C99, D.96A C1
  SG4 C10
    CTA M1
    COM C5
SG5 C10
  TOD M1
  LOC C9999  # newer C9999, D.96A C5
  FTX C5
SG6 C10
  TDT M1
  PCD C6
  TMD C1  # later directories, not in D.96A
  SG7 C10
    LOC M1
    DTM C10
SG8 C10
  EQD M1
  MEA C5
  SEL C25
  EQA C5
  SG9 C10
    HAN M1
    FTX C10
SG10x C10  # later directories, not in D.96A
  EFI M1
  CED C99
  COM C9
  RFF C9
  DTM C9
  QTY C9
SG10 C9999  # later SG11
  CPS M1
  FTX C99  # newer C99, D.96A C5
  QVR C9  # later directories, not in D.96A
  SG11 C9999  # later SG12
    PAC M1
    MEA C99  # newer C99, D.96A C10
    QTY C10  # newer C9, D.96A C10
    SG12 C10  # later SG13
      HAN M1
      FTX C10
    SG13 C1000  # later SG14
      PCI M1
      RFF C99  # newer C99, D.96A C1
      DTM C9  # newer C9, D.96A C5
      SG15x C99  # later directories, not in D.96A
        GIR M1
        DTM C5
      SG16x C99  # later directories, not in D.96A
        COD M1
        MEA C9
        QTY C9
        PCD C9
      GIR C99  # D.96A, dropped by D.00B
      SG14 C99  # D.96A, dropped by D.00B
        GIN M1
        DLM C10
    SG17x C99  # later directories, not in D.96A
      EFI M1
      CED C99
      COM C9
      RFF C9
      DTM C9
      QTY C9
  SG15 C9999  # later SG18
    LIN M1
    PIA C10
    IMD C99  # newer C99, D.96A C25
    MEA C10
    QTY C10
    ALI C10
    GIN C100
    GIR C100
    DLM C100
    DTM C5
    NAD C99  # later directories, not in D.96A
    TDT C1  # later directories, not in D.96A
    TMD C1  # later directories, not in D.96A
    HAN C20  # later directories, not in D.96A
    FTX C99  # newer C99, D.96A C5
    MOA C5
    PAC C9  # later directories, not in D.96A
    SG16 C99  # newer C99, D.96A C10; later SG19
      RFF M1
      NAD C1  # later directories, not in D.96A
      CTA C1  # later directories, not in D.96A
      DTM C1
    SG17 C9999  # newer C9999, D.96A C10; later SG20
      DGS M1
      QTY C1
      FTX C5
    SG18 C100  # later SG21
      LOC M1
      NAD C1
      DTM C1
      QTY C10
    SG19 C1000  # later SG22
      SGP M1
      QTY C10
    SG20 C9999  # later SG23
      PCI M1
      DTM C5
      MEA C10
      QTY C1
      SG21 C10  # later SG24
        GIN M1
        DLM C100
      SG22 C10  # later SG25
        HAN M1
        FTX C5
        GIN C1000
    SG26x C99  # later directories, not in D.96A
      EFI M1
      CED C99
      COM C9
      RFF C9
      DTM C9
      QTY C9
    SG23 C10  # D.96A, dropped by D.00B
      QVR M1
      DTM C5
CNT C5
UNT M1
`,
);
