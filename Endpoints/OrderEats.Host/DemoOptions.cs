namespace OrderEats.Host;

/// <summary>The demo's failure mix and pacing: declines, kitchen rejections and timeouts, customer cancels, transient gateway and notification faults.</summary>
internal sealed record DemoOptions
{
    public int Orders { get; init; } = 100;

    public int Parallelism { get; init; } = 16;

    public double CustomerCancelRate { get; init; } = 0.08;

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(5);

    public bool KeepData { get; init; }

    /// <summary>
    /// The demo places orders in-process and serves no caller: its API (on a random loopback port) gets a back-office key nobody knows, so
    /// Orders starts in any environment without accepting anyone.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> ApiCredentials() =>
    [
        new("Orders:Auth:ApiKeys:0:Name", "demo"),
        new("Orders:Auth:ApiKeys:0:Sha256", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))),
    ];

    /// <summary>Configuration the services read: the standard failure mix with timeouts short enough for a demo.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ServiceSettings() =>
    [
        new("Orders:PaymentTimeout", "00:02:00"),
        new("Orders:KitchenTimeout", "00:00:05"),
        new("Orders:CancelledRetention", "00:10:00"),
        new("Payments:Gateway:DeclineRate", "0.08"),
        new("Payments:Gateway:TransientFailureRate", "0.10"),
        new("Payments:Gateway:Latency", "00:00:00.005"),
        new("Kitchen:Mode", "Auto"),
        new("Kitchen:AcceptDelay", "00:00:00.200"),
        new("Kitchen:PrepareTime", "00:00:00.500"),
        new("Kitchen:RejectionRate", "0.08"),
        new("Kitchen:IgnoreRate", "0.04"),
        new("Notifications:TransientFailureRate", "0.10"),
        new("Logging:LogLevel:Default", "Error"),
        new("Logging:LogLevel:Microsoft", "Error"),
    ];
}
