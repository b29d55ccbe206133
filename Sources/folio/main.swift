// folio: the command line. Argument parsing only; the work is done by the Folio library.
import ArgumentParser

Folio.main()
