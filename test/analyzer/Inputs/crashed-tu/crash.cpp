// Makes clang crash while parsing, as a compiler bug would.
#pragma clang __debug crash
int unreached();
