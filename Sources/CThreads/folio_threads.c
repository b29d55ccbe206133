#define _GNU_SOURCE
#include "folio_threads.h"
#include <sched.h>
#include <stdlib.h>

typedef struct {
    void *(*body)(void *);
    void *context;
    cpu_set_t allowed;   // the caller's cores, given back to the thread once it runs
    int restore;
} folio_thread_start_info;

static void *folio_thread_entry(void *argument) {
    folio_thread_start_info info = *(folio_thread_start_info *)argument;
    free(argument);
    if (info.restore) pthread_setaffinity_np(pthread_self(), sizeof info.allowed, &info.allowed);
    return info.body(info.context);
}

int folio_thread_allowed_cores(void) {
    cpu_set_t allowed;
    return pthread_getaffinity_np(pthread_self(), sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : 0;
}

// Attributes for a new thread: its stack size, whether it is detached, and (`elsewhere` not null)
// the cores it may start on.
static int folio_thread_attributes(pthread_attr_t *attributes, int detached, size_t stack_size, const cpu_set_t *elsewhere) {
    if (pthread_attr_init(attributes) != 0) return -1;
    if (stack_size > 0) pthread_attr_setstacksize(attributes, stack_size);
    if (detached) pthread_attr_setdetachstate(attributes, PTHREAD_CREATE_DETACHED);
    if (elsewhere && pthread_attr_setaffinity_np(attributes, sizeof *elsewhere, elsewhere) != 0) {
        pthread_attr_destroy(attributes);
        return -1;
    }
    return 0;
}

int folio_thread_start(pthread_t *thread, int detached, size_t stack_size, void *(*body)(void *), void *context) {
    folio_thread_start_info *info = (folio_thread_start_info *)malloc(sizeof *info);
    if (!info) return -1;
    info->body = body;
    info->context = context;
    info->restore = 0;
    pthread_t local;
    pthread_attr_t attributes;
    int status = -1;
    int here = sched_getcpu();
    if (here >= 0 && pthread_getaffinity_np(pthread_self(), sizeof info->allowed, &info->allowed) == 0
        && CPU_COUNT(&info->allowed) > 1 && CPU_ISSET(here, &info->allowed)) {
        cpu_set_t elsewhere = info->allowed;
        CPU_CLR(here, &elsewhere);
        if (folio_thread_attributes(&attributes, detached, stack_size, &elsewhere) == 0) {
            info->restore = 1;
            status = pthread_create(thread ? thread : &local, &attributes, folio_thread_entry, info);
            pthread_attr_destroy(&attributes);
        }
    }
    // Not placed (one core, or the placement refused): an ordinary thread.
    if (status != 0 && folio_thread_attributes(&attributes, detached, stack_size, NULL) == 0) {
        info->restore = 0;
        status = pthread_create(thread ? thread : &local, &attributes, folio_thread_entry, info);
        pthread_attr_destroy(&attributes);
    }
    if (status != 0) free(info);
    return status;
}
