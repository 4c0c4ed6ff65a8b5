import { defineStructure } from '../structure.dsl';

// INVOIC (Invoice), written from D.96A + a later D directory.
// Group numbers (SGn) follow D.96A; notes say where versions differ.
// Groups only the other directory has are named SGnx (n = their number there).
export const INVOIC = defineStructure(
  'INVOIC',
  'D.96A + a later D directory',
  `
UNH M1
BGM M1
DTM M35
PAI C1
ALI C5
IMD C1
FTX C99  # newer C99, D.96A C10
LOC C10  # later directories, not in D.96A
GEI C10  # later directories, not in D.96A
DGS C1  # later directories, not in D.96A
GIR C10  # later directories, not in D.96A
SG1 C99999  # newer C99999, D.96A C99
  RFF M1
  DTM C5
  GIR C5  # later directories, not in D.96A
  LOC C2  # later directories, not in D.96A
  MEA C5  # later directories, not in D.96A
  QTY C2  # later directories, not in D.96A
  FTX C5  # later directories, not in D.96A
  MOA C2  # later directories, not in D.96A
  RTE C99  # later directories, not in D.96A
SG2 C99
  NAD M1
  LOC C25
  FII C5
  MOA C99  # later directories, not in D.96A
  SG3 C9999
    RFF M1
    DTM C5
  SG4 C5
    DOC M1
    DTM C5
  SG5 C5
    CTA M1
    COM C5
SG6 C5
  TAX M1
  MOA C1
  LOC C5
SG7 C99  # newer C99, D.96A C5
  CUX M1
  DTM C5
SG8x C10  # later directories, not in D.96A
  PYT M1
  DTM C5
  PCD C1
  MOA C1
  PAI C1
  FII C1
SG8 C10  # D.96A, dropped by D.00B
  PAT M1
  DTM C5
  PCD C1
  MOA C1
  PAI C1
  FII C1
SG9 C10
  TDT M1
  TSR C1  # later directories, not in D.96A
  SG10 C10
    LOC M1
    DTM C5
  SG11 C9999
    RFF M1
    DTM C5
SG12 C5
  TOD M1
  LOC C2
SG13x C99  # later directories, not in D.96A
  EQD M1
  SEL C9
SG13 C1000  # later SG14
  PAC M1
  MEA C5
  EQD C1  # later directories, not in D.96A
  SG14 C5  # later SG15
    PCI M1
    RFF C1
    DTM C5
    GIN C5
SG15 C9999  # later SG16
  ALC M1
  ALI C5
  FTX C1  # later directories, not in D.96A
  SG16 C5  # later SG17
    RFF M1
    DTM C5
  SG17 C1  # later SG18
    QTY M1
    RNG C1
  SG18 C1  # later SG19
    PCD M1
    RNG C1
  SG19 C2  # later SG20
    MOA M1
    RNG C1
    CUX C1  # later directories, not in D.96A
    DTM C1  # later directories, not in D.96A
  SG20 C1  # later SG21
    RTE M1
    RNG C1
  SG21 C5  # later SG22
    TAX M1
    MOA C1
SG22 C100  # later SG23
  RCS M1
  RFF C5
  DTM C5
  FTX C5
SG23 C1  # later SG24
  AJT M1
  FTX C5
SG24 C1  # later SG25
  INP M1
  FTX C5
SG26x C99  # later directories, not in D.96A
  EFI M1
  CED C99
  COM C9
  RFF C9
  DTM C9
  QTY C9
SG25 C9999999  # later SG27
  LIN M1
  PIA C25
  PGI C99  # later directories, not in D.96A
  IMD C99  # newer C99, D.96A C10
  MEA C5
  QTY C5
  PCD C1
  ALI C5
  DTM C35
  GIN C1000
  GIR C1000
  QVR C1
  EQD C1
  FTX C99  # newer C99, D.96A C5
  DGS C1  # later directories, not in D.96A
  SG26 C99  # newer C99, D.96A C5; later SG28
    MOA M1
    CUX C1
  SG29x C10  # later directories, not in D.96A
    PYT M1
    DTM C5
    PCD C99
    MOA C1
  SG27 C10  # D.96A, dropped by D.00B
    PAT M1
    DTM C5
    PCD C1
    MOA C1
  SG28 C25  # later SG30
    PRI M1
    CUX C1  # later directories, not in D.96A
    APR C1
    RNG C1
    DTM C5
  SG29 C10  # later SG31
    RFF M1
    DTM C5
  SG30 C999  # newer C999, D.96A C10; later SG32
    PAC M1
    MEA C10
    EQD C1  # later directories, not in D.96A
    SG31 C10  # later SG33
      PCI M1
      RFF C1
      DTM C5
      GIN C10
  SG32 C9999  # later SG34
    LOC M1
    QTY C100
    DTM C5
  SG33 C99  # later SG35
    TAX M1
    MOA C2  # newer C2, D.96A C1
    LOC C5
  SG34 C99  # newer C99, D.96A C20; later SG36
    NAD M1
    LOC C5
    FII C5  # later directories, not in D.96A
    SG35 C99  # newer C99, D.96A C5; later SG37
      RFF M1
      DTM C5
    SG36 C5  # later SG38
      DOC M1
      DTM C5
    SG37 C5  # later SG39
      CTA M1
      COM C5
  SG38 C30  # newer C30, D.96A C15; later SG40
    ALC M1
    ALI C5
    DTM C5
    FTX C1  # later directories, not in D.96A
    SG39 C1  # later SG41
      QTY M1
      RNG C1
    SG40 C1  # later SG42
      PCD M1
      RNG C1
    SG41 C2  # later SG43
      MOA M1
      RNG C1
      CUX C1  # later directories, not in D.96A
      DTM C1  # later directories, not in D.96A
    SG42 C1  # later SG44
      RTE M1
      RNG C1
    SG43 C5  # later SG45
      TAX M1
      MOA C1
  SG44 C10  # later SG46
    TDT M1
    SG45 C10  # later SG47
      LOC M1
      DTM C5
  SG46 C5  # later SG48
    TOD M1
    LOC C2
  SG47 C100  # later SG49
    RCS M1
    RFF C5
    DTM C5
    FTX C5
  SG50x C999  # later directories, not in D.96A
    GEI M1
    RFF C9
    IMD C99
    DTM C5
    GIR C5
    LOC C2
    MEA C5
    QTY C9
    FTX C5
    MOA C2
  SG51x C99  # later directories, not in D.96A
    EFI M1
    CED C99
    COM C9
    RFF C9
    DTM C9
    QTY C9
UNS M1
CNT C10
SG48 C100  # newer C100, D.96A M100; later SG52
  MOA M1
  SG49 C1  # later SG53
    RFF M1
    DTM C5
SG50 C10  # later SG54
  TAX M1
  MOA C9  # newer C9, D.96A C2
SG51 C15  # newer C10, D.96A C15; later SG55
  ALC M1
  ALI C1
  MOA C2
  FTX C1  # later directories, not in D.96A
UNT M1
`,
);
