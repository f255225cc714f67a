/* The subcommands of descent; each takes the arguments after its name
 * and returns the exit code. */
#ifndef DESCENT_COMMANDS_H
#define DESCENT_COMMANDS_H

int cmd_run(int argc, char **argv);
int cmd_tui(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_gradcheck(int argc, char **argv);
/* descent gradcheck --wrt lr (cmd_gradcheck hands over to it). */
int cmd_gradcheck_lr(int argc, char **argv);
/* gradcheck's --help, both forms. */
extern const char gradcheck_usage[];
int cmd_bench(int argc, char **argv);
int cmd_hpo(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_lesson(int argc, char **argv);
int cmd_demo(int argc, char **argv);

#endif
