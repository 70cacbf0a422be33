// Includes nothing that the test edits: its summary stays cached.
int unrelated() { return 42; }
