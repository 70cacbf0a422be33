/* A compiled extension module, built with -g by the tests: twice(x). */
#include <Python.h>

static PyObject *twice(PyObject *Self, PyObject *Args) {
  long X;
  if (!PyArg_ParseTuple(Args, "l", &X))
    return NULL;
  return PyLong_FromLong(2 * X);
}

static PyMethodDef Methods[] = {{"twice", twice, METH_VARARGS, "2 * x"},
                                {NULL, NULL, 0, NULL}};
static struct PyModuleDef Module = {PyModuleDef_HEAD_INIT, "_speedups", NULL,
                                    -1, Methods};

PyMODINIT_FUNC PyInit__speedups(void) { return PyModule_Create(&Module); }
