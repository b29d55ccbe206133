// CHyphen: libhyphen (Liang patterns, the dictionaries LibreOffice uses) for hyphenation by language.
#include <stdio.h>
#include <hyphen.h>
