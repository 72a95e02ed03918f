using System.Net.Http.Json;
using OrderEats.Console.Model;
using OrderEats.Console.Web;

namespace OrderEats.Console.Tests;

/// <summary>Typed reads of the console's JSON API.</summary>
public static class Api
{
    public static async Task<T> Get<T>(this HttpClient client, string url) =>
        (await client.GetFromJsonAsync<T>(url, ConsoleJson.Options))!;

    public static Task<FailureDetail> Failure(this HttpClient client, string id) => client.Get<FailureDetail>("/api/failures/" + id);

    public static Task<PagedResult<FailureSummary>> Failures(this HttpClient client, string query = "") => client.Get<PagedResult<FailureSummary>>("/api/failures" + query);

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object? body = null) =>
        body is null ? client.PostAsync(url, null) : client.PostAsJsonAsync(url, body);

    /// <summary>Opens <paramref name="page"/> as a browser would, then posts a form to <paramref name="action"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken(html);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token))));
    }

    /// <summary>The first antiforgery token in a page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token:\n" + html[..Math.Min(html.Length, 2000)]);
    }
}
