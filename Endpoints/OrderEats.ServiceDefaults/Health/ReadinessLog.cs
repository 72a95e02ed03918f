using Microsoft.Extensions.Logging;

namespace OrderEats.ServiceDefaults.Health;

// Logs the checks when the process stops being ready, so operators see the reason without the HTTP details.
internal sealed class ReadinessLog(ILogger<ReadinessLog> logger)
{
    private int lastReady = -1;

    public void Observe(bool ready, IReadOnlyDictionary<string, string> checks)
    {
        if (Interlocked.Exchange(ref lastReady, ready ? 1 : 0) != (ready ? 1 : 0) && !ready)
        {
            logger.LogWarning("Not ready: {Checks}", string.Join("; ", checks.Select(c => c.Key + " " + c.Value)));
        }
    }
}
