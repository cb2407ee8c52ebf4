#ifndef MAAS_CEDITLINE_SHIM_H
#define MAAS_CEDITLINE_SHIM_H

#include <histedit.h>
#include <wchar.h>

/* Swift cannot call C variadic functions, so each el_set/history call that
   maas needs gets a fixed-arity wrapper here. */

typedef char *(*maas_el_prompt_fn)(EditLine *);
typedef unsigned char (*maas_el_command_fn)(EditLine *, int);
typedef int (*maas_el_getc_fn)(EditLine *, wchar_t *);

static inline int maas_el_set_prompt(EditLine *el, maas_el_prompt_fn fn) {
    return el_set(el, EL_PROMPT_ESC, fn, '\1');
}
static inline int maas_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int maas_el_set_getc(EditLine *el, maas_el_getc_fn fn) {
    return el_set(el, EL_GETCFN, fn);
}
static inline int maas_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *maas_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int maas_el_add_function(EditLine *el, const char *name, const char *help, maas_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int maas_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}
static inline int maas_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int maas_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int maas_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int maas_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

#endif
