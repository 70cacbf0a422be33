/* Test stub of SQLite's C API (declarations only). */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef struct sqlite3 sqlite3;
#define SQLITE_OK 0
#define SQLITE_OPEN_READONLY 0x00000001
int sqlite3_open(const char *filename, sqlite3 **ppDb);
int sqlite3_open_v2(const char *filename, sqlite3 **ppDb, int flags,
                    const char *zVfs);
int sqlite3_close(sqlite3 *db);
int sqlite3_exec(sqlite3 *db, const char *sql,
                 int (*callback)(void *, int, char **, char **), void *arg,
                 char **errmsg);
#ifdef __cplusplus
}
#endif
