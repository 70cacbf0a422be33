/* Test stub of libpq's client API (declarations only). */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
PGconn *PQconnectdb(const char *conninfo);
PGconn *PQconnectdbParams(const char *const *keywords,
                          const char *const *values, int expand_dbname);
void PQfinish(PGconn *conn);
PGresult *PQexec(PGconn *conn, const char *query);
void PQclear(PGresult *res);
#ifdef __cplusplus
}
#endif
