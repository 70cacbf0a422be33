// Re-executes itself through /proc/self/exe, as programs that respawn
// workers do (node's child_process with process.execPath, LLVM tools), then
// runs a shell as a child and prints what it sees. Needs GLIBC_2.35
// (epoll_pwait2), newer than Amazon Linux 2023's 2.34, so that libc is
// bundled.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
  if (argc == 42)
    epoll_pwait2(-1, 0, 0, 0, 0);
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n < 0 ? 0 : n] = 0;
  if (argc == 2 && strcmp(argv[1], "child") == 0) {
    printf("child: /proc/self/exe is %s\n", exe);
    return 0;
  }
  printf("parent: /proc/self/exe is %s\n", exe);
  fflush(stdout);
  if (fork() == 0) {
    execl("/proc/self/exe", argv[0], "child", (char *)0);
    perror("execl /proc/self/exe");
    _exit(1);
  }
  int status = 0;
  wait(&status);
  fflush(stdout);
  return system("echo \"shell child: LD_LIBRARY_PATH=$LD_LIBRARY_PATH\"") ||
         status;
}
