// Included by no translation unit.
inline int orphan() { return 0; }
