using System.Collections;
using System.Globalization;

namespace OrderEats.Engine.Recoverability;

/// <summary>The headers a message carries into the error queue: where it failed, when, on which machine, and the exception.</summary>
public static class FailureHeaders
{
    /// <summary>Copies <paramref name="headers"/> and adds the failure headers.</summary>
    public static Dictionary<string, string> Add(
        IReadOnlyDictionary<string, string> headers, Exception exception, string failedQueue, string endpoint, string machine, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(exception);
        var result = new Dictionary<string, string>(headers, StringComparer.Ordinal)
        {
            [Headers.FailedQueue] = failedQueue,
            [Headers.TimeOfFailure] = now.ToString("O", CultureInfo.InvariantCulture),
            [Headers.ProcessingEndpoint] = endpoint,
            [Headers.ProcessingMachine] = machine,
            [Headers.ExceptionType] = exception.GetType().FullName ?? exception.GetType().Name,
            [Headers.ExceptionMessage] = exception.Message,
            [Headers.ExceptionStackTrace] = exception.ToString(),
            [Headers.ExceptionSource] = exception.Source ?? string.Empty,
        };
        if (exception.InnerException is { } inner)
        {
            result[Headers.InnerExceptionType] = inner.GetType().FullName ?? inner.GetType().Name;
            result[Headers.InnerExceptionMessage] = inner.Message;
        }
        else
        {
            // A message that failed before (an operator retried it) must not keep an earlier failure's inner exception.
            result.Remove(Headers.InnerExceptionType);
            result.Remove(Headers.InnerExceptionMessage);
        }

        if (exception.HelpLink is { } helpLink)
        {
            result[Headers.ExceptionHelpLink] = helpLink;
        }

        foreach (DictionaryEntry entry in exception.Data)
        {
            result[Headers.ExceptionDataPrefix + Convert.ToString(entry.Key, CultureInfo.InvariantCulture)] =
                Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return result;
    }
}
