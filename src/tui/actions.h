/* What the keys do. Each acts on the session (the focused run for
 * settings) and leaves a message saying what changed. */
#ifndef DESCENT_TUI_ACTIONS_H
#define DESCENT_TUI_ACTIONS_H

struct app;

void act_run_pause(struct app *a);
void act_step(struct app *a);
void act_stage(struct app *a);
void act_back(struct app *a);
void act_reset(struct app *a);
void act_lr_up(struct app *a);
void act_lr_down(struct app *a);
void act_lr_prompt(struct app *a);
void act_opt_next(struct app *a);
void act_settings(struct app *a);
void act_grad_next(struct app *a);
void act_grad_prompt(struct app *a);
void act_clip_next(struct app *a);
void act_clip_prompt(struct app *a);
void act_hd_next(struct app *a);
void act_hd_prompt(struct app *a);
void act_slower(struct app *a);
void act_faster(struct app *a);
void act_objective_menu(struct app *a);
void act_expression_prompt(struct app *a);
void act_export(struct app *a);
void act_compare_add(struct app *a);
void act_compare_remove(struct app *a);
void act_compare_versus(struct app *a);
void act_setting_prompt(struct app *a);
void act_focus_next(struct app *a);
void act_zoom_in(struct app *a);
void act_zoom_out(struct app *a);
void act_pan_left(struct app *a);
void act_pan_right(struct app *a);
void act_pan_up(struct app *a);
void act_pan_down(struct app *a);
void act_view_reset(struct app *a);
void act_view_fit(struct app *a);
void act_slice_kind(struct app *a);
void act_slice_seed(struct app *a);
void act_tab(struct app *a);
void act_theme(struct app *a);
void act_presenter(struct app *a);
void act_eigen(struct app *a);
void act_lesson(struct app *a);
void act_help(struct app *a);
void act_redraw(struct app *a);
void act_quit(struct app *a);

/* Called by the menus with the chosen entry. */
void act_choose_optimizer(struct app *a, int index);
void act_choose_objective(struct app *a, const char *name);
/* The settings panel's row for option id: a prompt holding its value. */
void act_setting_row(struct app *a, int id);

#endif
