import Foundation
import Prometheus

/// The service's Prometheus metrics (`GET /metrics`).
final class ServeMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let renderSeconds: DurationHistogram
    let waiting: Gauge
    let running: Gauge

    init() {
        renderSeconds = registry.makeDurationHistogram(
            name: "folio_render_duration_seconds",
            buckets: [.milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                      .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)],
            help: "Time to answer POST /render, queueing included")
        waiting = registry.makeGauge(name: "folio_render_queue_waiting", help: "Render jobs waiting for a worker")
        running = registry.makeGauge(name: "folio_render_running", help: "Render jobs running")
    }

    /// Counts one answered request by its status code.
    func count(status: Int) {
        registry.makeCounter(name: "folio_render_requests_total", labels: [("status", String(status))],
                             help: "POST /render requests answered, by HTTP status").increment()
    }

    /// The exposition text, the pool's load read now.
    func text(load: (waiting: Int, running: Int)) -> String {
        waiting.set(Double(load.waiting))
        running.set(Double(load.running))
        return registry.emitToString()
    }
}
