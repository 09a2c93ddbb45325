package io.xgate.dataplane.worker;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * A worker on a thread of its own (named by its role), spinning with {@link BusySpinIdleStrategy} in
 * production or a backing-off strategy where CPUs are shared (tests, small hosts). Errors go to the handler
 * and are counted; the worker keeps running.
 */
public final class WorkerRunner implements AutoCloseable {
    private final AgentRunner runner;

    private WorkerRunner(final AgentRunner runner) {
        this.runner = runner;
    }

    public static WorkerRunner start(final Worker worker, final ErrorHandler errors, final AtomicCounter errorCount) {
        return start(worker, new BusySpinIdleStrategy(), errors, errorCount);
    }

    public static WorkerRunner start(final Worker worker, final IdleStrategy idle, final ErrorHandler errors,
                                     final AtomicCounter errorCount) {
        final AgentRunner runner = new AgentRunner(idle, errors, errorCount, worker);
        AgentRunner.startOnThread(runner);
        return new WorkerRunner(runner);
    }

    /** The thread the worker runs on (benchmarks read its allocation statistics). */
    public Thread thread() {
        return runner.thread();
    }

    /** Stops the worker and waits for its thread to finish its last duty cycle. */
    @Override
    public void close() {
        runner.close();
    }
}
