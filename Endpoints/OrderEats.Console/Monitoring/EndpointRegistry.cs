namespace OrderEats.Console.Monitoring;

/// <summary>
/// The endpoint instances known from heartbeats, with their liveness, last hour of metrics and latest conditions. Pure state: the caller passes the time, so
/// dead/alive transitions are tested with a controllable clock. Kept in memory: after a console restart every live instance reappears within one interval.
/// </summary>
internal sealed class EndpointRegistry
{
    private static readonly TimeSpan History = TimeSpan.FromMinutes(61);
    private readonly Lock gate = new();
    private readonly Dictionary<string, EndpointInstanceState> instances = new(StringComparer.Ordinal);

    public IReadOnlyList<LivenessChange> Heartbeat(HeartbeatReport heartbeat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        var changes = new List<LivenessChange>();
        var conditions = ConditionLimits.Apply(heartbeat.Conditions);
        lock (gate)
        {
            if (instances.TryGetValue(heartbeat.InstanceId, out var known))
            {
                if (known.Status == InstanceStatus.Dead)
                {
                    changes.Add(new LivenessChange(LivenessChange.Restored, heartbeat.Endpoint, heartbeat.Host, heartbeat.InstanceId, now));
                }

                var history = known.History.Where(m => m.To >= now - History).Append(heartbeat.Metrics).ToList();
                instances[heartbeat.InstanceId] = known with { LastSeen = now, Status = InstanceStatus.Alive, AuditDropped = heartbeat.AuditDropped, History = history, Conditions = conditions };
                return changes;
            }

            // A restarted process is a new instance on the same host: it replaces the dead one, and the endpoint is alive again.
            foreach (var replaced in instances.Values.Where(i => i.Endpoint == heartbeat.Endpoint && i.Host == heartbeat.Host && i.Status == InstanceStatus.Dead).ToList())
            {
                instances.Remove(replaced.InstanceId);
                changes.Add(new LivenessChange(LivenessChange.Restored, heartbeat.Endpoint, heartbeat.Host, heartbeat.InstanceId, now));
            }

            if (changes.Count == 0)
            {
                changes.Add(new LivenessChange(LivenessChange.Appeared, heartbeat.Endpoint, heartbeat.Host, heartbeat.InstanceId, now));
            }

            instances[heartbeat.InstanceId] = new EndpointInstanceState(
                heartbeat.Endpoint, heartbeat.Host, heartbeat.InstanceId, heartbeat.StartedAt, now, now, InstanceStatus.Alive, heartbeat.AuditDropped, [heartbeat.Metrics],
                conditions);
        }

        return changes;
    }

    /// <summary>
    /// Marks every alive instance silent for longer than <paramref name="grace"/> as dead, and returns those; except an instance that a restarted
    /// process replaced: the same endpoint on the same host, alive, first heard after this one's last heartbeat. That one is removed quietly
    /// (a running instance that started earlier is a competing consumer, not a successor, so its neighbour's death is still reported).
    /// </summary>
    public IReadOnlyList<LivenessChange> CheckLost(DateTimeOffset now, TimeSpan grace)
    {
        var changes = new List<LivenessChange>();
        lock (gate)
        {
            foreach (var instance in instances.Values.Where(i => i.Status == InstanceStatus.Alive && now - i.LastSeen > grace).ToList())
            {
                var successor = instances.Values.FirstOrDefault(other =>
                    other.InstanceId != instance.InstanceId && other.Endpoint == instance.Endpoint && other.Host == instance.Host
                    && other.Status == InstanceStatus.Alive && other.FirstSeen > instance.LastSeen);
                if (successor is not null)
                {
                    instances.Remove(instance.InstanceId);
                    changes.Add(new LivenessChange(LivenessChange.Replaced, instance.Endpoint, instance.Host, instance.InstanceId, instance.LastSeen));
                    continue;
                }

                instances[instance.InstanceId] = instance with { Status = InstanceStatus.Dead };
                changes.Add(new LivenessChange(LivenessChange.Lost, instance.Endpoint, instance.Host, instance.InstanceId, instance.LastSeen));
            }
        }

        return changes;
    }

    public IReadOnlyList<EndpointInstanceState> Instances()
    {
        lock (gate)
        {
            return instances.Values.OrderBy(i => i.Endpoint, StringComparer.Ordinal).ThenBy(i => i.Host, StringComparer.Ordinal).ThenBy(i => i.StartedAt).ToList();
        }
    }
}
