using System.Text;

namespace OrderEats.Console.Ingestion;

/// <summary>
/// How a message body is kept: as its UTF-8 text when it is valid UTF-8, else as base64, with the encoding in its own column so no body text
/// is ever mistaken for an encoding marker.
/// </summary>
internal static class StoredBody
{
    public const string Utf8 = "utf8";
    public const string Base64 = "base64";

    private const string LegacyPrefix = "base64:";

    public static (string Text, string Encoding) Encode(ReadOnlySpan<byte> body)
    {
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body), Utf8);
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(body), Base64);
        }
    }

    /// <summary>
    /// The bytes to send. Rows stored before the encoding column existed (null encoding) kept binary bodies as "base64:…"; a text body that
    /// merely starts with that prefix is not valid base64 and is sent as the text it is.
    /// </summary>
    public static byte[] Decode(string text, string? encoding)
    {
        switch (encoding)
        {
            case Utf8:
                return Encoding.UTF8.GetBytes(text);
            case Base64:
                try
                {
                    return Convert.FromBase64String(text);
                }
                catch (FormatException e)
                {
                    throw new InvalidDataException($"The stored body is marked base64 but is not valid base64 ({e.Message}); edit the body and retry the edited copy, or archive the message.", e);
                }

            case null:
                if (text.StartsWith(LegacyPrefix, StringComparison.Ordinal))
                {
                    var buffer = new byte[text.Length];
                    if (Convert.TryFromBase64String(text[LegacyPrefix.Length..], buffer, out var written))
                    {
                        return buffer[..written];
                    }
                }

                return Encoding.UTF8.GetBytes(text);
            default:
                throw new InvalidDataException($"The stored body has the unknown encoding '{encoding}'; edit the body and retry the edited copy, or archive the message.");
        }
    }

    /// <summary>The body as text for display and search: UTF-8 text as it is; base64 (binary) bodies as a note.</summary>
    public static string Display(string text, string? encoding, long size) =>
        encoding == Base64 ? $"(binary body, {size} bytes, not valid UTF-8: download it to inspect)" : text;
}
