// CThreads: threads for short work beside the caller's, started on another core than the caller's.
#ifndef FOLIO_THREADS_H
#define FOLIO_THREADS_H
#include <pthread.h>
#include <stddef.h>

// Starts `body(context)` on a new thread (`detached`: nobody joins it; `stack_size` 0: the
// default), placed on another core than the calling thread's when it may run on more than one;
// once running, the thread may run anywhere the caller may. Returns pthread_create's status.
//
// Why: with an idle core beside a busy one (a virtual machine's vCPUs in particular), Linux puts
// a new thread on its parent's busy core and moves it only when it next balances the load: the
// thread started 0.4 to 3 ms late, against 0.1 ms placed on the idle core (measured on a 2-core VM).
int folio_thread_start(pthread_t *thread, int detached, size_t stack_size, void *(*body)(void *), void *context);

// How many cores the calling thread may run on (0 when unknown).
int folio_thread_allowed_cores(void);

#endif
