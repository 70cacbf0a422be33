int leaf_value(void);
int middle_value(void) { return leaf_value() + 1; }
