using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Notifications.Log;

/// <summary>The sent-notifications table and its versioned migrations (Migrations/&lt;Dialect&gt;/*.sql in this assembly).</summary>
public static class NotificationSchema
{
    internal const string Table = "notifications_sent";

    /// <summary>The migrations of the Notifications database's business tables, journaled as "notifications".</summary>
    public static BusinessMigrations Migrations { get; } = new("notifications", typeof(NotificationSchema).Assembly);
}
