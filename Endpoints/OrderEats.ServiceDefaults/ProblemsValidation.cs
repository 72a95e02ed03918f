using Microsoft.Extensions.Options;

namespace OrderEats.ServiceDefaults;

// Options whose own method lists what is wrong, one message per setting.
internal sealed class ProblemsValidation<TOptions>(Func<TOptions, IReadOnlyList<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var found = problems(options);
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}
