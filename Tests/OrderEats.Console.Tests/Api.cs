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
}
