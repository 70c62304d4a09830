namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>
/// Request bodies in the encodings a client can get wrong, on a google.rpc.Status route, an Avaya
/// (problem+json) route and the Genesys form route: invalid bytes, overlong forms, UTF-8-encoded
/// surrogates, truncated and out-of-range sequences, lone surrogates in <c>\u</c> escapes (rejected:
/// System.Text.Json will not read them as text and protobuf strings must be UTF-8), byte order
/// marks (UTF-8's accepted, it is valid; UTF-16's rejected) and charsets other than UTF-8 (415).
/// Every rejection is a 400 (or 415) naming the field where there is one, never a 500.
/// </summary>
internal static class EncodingCases
{
    private const string Bind = "/v1/accounts/ABCDEF/bind";
    private const string Avaya = "/api/journey/v1/accounts/ABCDEF/engagements/e1:appendIdentifiers";
    private const string Engage = "/server/data/gateway/engage";
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private const string StatusJson = "application/json; charset=utf-8";
    private const string ProblemJson = "application/problem+json; charset=utf-8";
    private const string NotUtf8 = "not valid UTF-8; request bodies must be UTF-8 text.";
    private const string PropertyNotUtf8 = "a property name is not valid UTF-8; request bodies must be UTF-8 text.";
    private const string LoneSurrogate = "a \\\\u escape is an unpaired UTF-16 surrogate (\\\\uD800-\\\\uDFFF), which is not a Unicode character.";
    private const string ProblemType = "https://developers.avayacloud.com/avaya-experience-platform/docs/error-handling";

    internal static readonly EncodingCase[] All =
    [
        // JSON, google.rpc.Status errors.
        new("json_invalid_bytes", "POST", Bind, """{"thing":{"id":"\xff\xfe\x80"}}""", Json, 400, StatusJson, Violation("thing.id", NotUtf8)),
        new("json_overlong_slash", "POST", Bind, """{"LEGACY_NAME":"\xc0\xaf"}""", Json, 400, StatusJson, Violation("LEGACY_NAME", NotUtf8)),
        new("json_overlong_nul", "POST", Bind, """{"LEGACY_NAME":"a\xc0\x80"}""", Json, 400, StatusJson, Violation("LEGACY_NAME", NotUtf8)),
        new("json_overlong_three_bytes", "POST", Bind, """{"LEGACY_NAME":"\xe0\x80\xaf"}""", Json, 400, StatusJson, Violation("LEGACY_NAME", NotUtf8)),
        new("json_encoded_surrogate", "POST", Bind, """{"LEGACY_NAME":"\xed\xa0\x80"}""", Json, 400, StatusJson, Violation("LEGACY_NAME", NotUtf8)),
        new("json_truncated_sequence", "POST", Bind, """{"thing":{"id":"\xe2\x82"}}""", Json, 400, StatusJson, Violation("thing.id", NotUtf8)),
        new("json_above_u10ffff", "POST", Bind, """{"thing":{"id":"\xf4\x90\x80\x80"}}""", Json, 400, StatusJson, Violation("thing.id", NotUtf8)),
        new("json_latin1_byte", "POST", Bind, """{"thing":{"id":"caf\xe9"}}""", Json, 400, StatusJson, Violation("thing.id", NotUtf8)),
        new("json_lone_high_surrogate_escape", "POST", Bind, """{"thing":{"id":"\ud800"}}""", Json, 400, StatusJson, Violation("thing.id", LoneSurrogate)),
        new("json_lone_low_surrogate_escape", "POST", Bind, """{"thing":{"id":"a\udc00b"}}""", Json, 400, StatusJson, Violation("thing.id", LoneSurrogate)),
        new("json_reversed_surrogate_escapes", "POST", Bind, """{"thing":{"id":"\ude00\ud83d"}}""", Json, 400, StatusJson, Violation("thing.id", LoneSurrogate)),
        new("json_invalid_property_name", "POST", Bind, """{"thing":{"\xff":1}}""", Json, 400, StatusJson, Violation("thing", PropertyNotUtf8)),
        new("json_invalid_top_level_property_name", "POST", Bind, """{"\xc0\xaf":1}""", Json, 400, StatusJson, Violation(string.Empty, PropertyNotUtf8)),
        new("json_invalid_map_key", "POST", Bind, """{"attributes":{"k\xff":"v"}}""", Json, 400, StatusJson, Violation("attributes", PropertyNotUtf8)),
        new("json_invalid_repeated_item", "POST", Bind, """{"thing":{"labels":["ok","\xff"]}}""", Json, 400, StatusJson, Violation("thing.labels[1]", NotUtf8)),
        new("json_invalid_enum_name", "POST", Bind, """{"color":"\xff"}""", Json, 400, StatusJson, Violation("color", NotUtf8)),
        new("json_invalid_number_string", "POST", Bind, """{"count":"1\xff"}""", Json, 400, StatusJson, Violation("count", NotUtf8)),
        new("json_invalid_bytes_field", "POST", Bind, """{"data":"\xff"}""", Json, 400, StatusJson, Violation("data", NotUtf8)),
        new("json_invalid_in_struct", "POST", Bind, """{"extra":{"a":[1,"\xff"]}}""", Json, 400, StatusJson, Violation("extra", NotUtf8)),
        new("json_lone_surrogate_struct_key", "POST", Bind, """{"extra":{"\ud800":1}}""", Json, 400, StatusJson, Violation("extra", LoneSurrogate)),
        new("json_invalid_in_captured_key", "POST", Bind, """{"thing":{"inner":{"GSW_X":"\xff"}}}""", Json, 400, StatusJson, Violation("thing.inner.GSW_X", NotUtf8)),
        new("json_invalid_in_body_field", "PUT", "/v1/things/T1/bind", """{"labels":["\xff"]}""", Json, 400, StatusJson, Violation("labels[0]", NotUtf8)),
        new("json_utf16_body", "POST", Bind, """\xff\xfe{\x00}\x00""", Json, 400, StatusJson, Violation(string.Empty, "the request body starts with a UTF-16 or UTF-32 byte order mark; request bodies must be UTF-8 text.")),
        new("json_surrogate_pair_escape_accepted", "POST", Bind, """{"thing":{"id":"\ud83d\ude00"}}""", Json, 200, StatusJson, """{"request":{"accountId":"ABCDEF","thing":{"id":"😀"}}}"""),
        new("json_multibyte_accepted", "POST", Bind, """{"thing":{"id":"é€😀"}}""", Json, 200, StatusJson, """{"request":{"accountId":"ABCDEF","thing":{"id":"é€😀"}}}"""),
        new("json_utf8_bom_accepted", "POST", Bind, """\xef\xbb\xbf{"count":5}""", Json, 200, StatusJson, """{"request":{"accountId":"ABCDEF","count":5}}"""),
        new("json_charset_utf8_accepted", "POST", Bind, """{"count":5}""", "application/json; charset=\"UTF-8\"", 200, StatusJson, """{"request":{"accountId":"ABCDEF","count":5}}"""),
        new("json_charset_latin1", "POST", Bind, """{"thing":{"id":"caf\xe9"}}""", "application/json; charset=iso-8859-1", 415, StatusJson, """{"code":3,"message":"Content-Type 'application/json; charset=iso-8859-1': charset 'iso-8859-1' is not supported; request bodies must be UTF-8 (charset=utf-8 or no charset)."}"""),
        new("json_charset_utf16", "POST", Bind, """{\x00}\x00""", "application/json; charset=utf-16", 415, StatusJson, """{"code":3,"message":"Content-Type 'application/json; charset=utf-16': charset 'utf-16' is not supported; request bodies must be UTF-8 (charset=utf-8 or no charset)."}"""),

        // JSON on an Avaya route: the same errors as application/problem+json.
        new("avaya_invalid_bytes", "POST", Avaya, """{"identifiers":{"phoneNumbers":["\xff\xfe\x80"]}}""", Json, 400, ProblemJson, Problem(400, "constraint-violation", "Constraint Violation", "identifiers", NotUtf8)),
        new("avaya_lone_surrogate_escape", "POST", Avaya, """{"identifiers":{"x":"\udfff"}}""", Json, 400, ProblemJson, Problem(400, "constraint-violation", "Constraint Violation", "identifiers", LoneSurrogate)),
        new("avaya_invalid_property_name", "POST", Avaya, """{"\xff":{}}""", Json, 400, ProblemJson, Problem(400, "constraint-violation", "Constraint Violation", string.Empty, PropertyNotUtf8)),
        new("avaya_charset_latin1", "POST", Avaya, """{"identifiers":{}}""", "application/json; charset=latin1", 415, ProblemJson, $$"""{"type":"{{ProblemType}}#unsupported-media-type","title":"Unsupported Media Type","status":415,"detail":"Content-Type 'application/json; charset=latin1': charset 'latin1' is not supported; request bodies must be UTF-8 (charset=utf-8 or no charset)."}"""),

        // The Genesys form: ixnProfile=<json>, raw or percent-encoded bytes.
        new("form_raw_invalid_bytes", "POST", Engage, """ixnProfile={"visitID":"\xff"}""", Form, 400, StatusJson, Violation("ixnProfile", NotUtf8)),
        new("form_percent_invalid_bytes", "POST", Engage, "ixnProfile=%7B%22visitID%22%3A%22%FF%FE%80%22%7D", Form, 400, StatusJson, Violation("ixnProfile", NotUtf8)),
        new("form_percent_overlong", "POST", Engage, "ixnProfile=%7B%22visitID%22%3A%22%C0%AF%22%7D", Form, 400, StatusJson, Violation("ixnProfile", NotUtf8)),
        new("form_percent_encoded_surrogate", "POST", Engage, "ixnProfile=%7B%22visitID%22%3A%22%ED%A0%80%22%7D", Form, 400, StatusJson, Violation("ixnProfile", NotUtf8)),
        new("form_lone_surrogate_escape", "POST", Engage, "ixnProfile=%7B%22visitID%22%3A%22%5Cud800%22%7D", Form, 400, StatusJson, Violation("ixnProfile", LoneSurrogate)),
        new("form_invalid_key", "POST", Engage, "%FF=1&ixnProfile=%7B%7D", Form, 400, StatusJson, Violation(string.Empty, "a form key is not valid UTF-8; request bodies must be UTF-8 text.")),
        new("form_invalid_other_field", "POST", Engage, "ixnProfile=%7B%22visitID%22%3A%22v%22%7D&pageID=caf%E9", Form, 400, StatusJson, Violation("pageID", NotUtf8)),
        new("form_utf16_body", "POST", Engage, """\xfe\xff\x00i""", Form, 400, StatusJson, Violation(string.Empty, "the request body starts with a UTF-16 or UTF-32 byte order mark; request bodies must be UTF-8 text.")),
        new("form_percent_multibyte_accepted", "POST", Engage, "ixnProfile=%7B%22visitID%22%3A%22caf%C3%A9+%E2%82%AC%22%7D", Form, 200, StatusJson, """{"visitID":"café €","ixnProfile":{"visitID":"café €"}}"""),
        new("form_raw_multibyte_accepted", "POST", Engage, """ixnProfile={"visitID":"café"}""", Form, 200, StatusJson, """{"visitID":"café","ixnProfile":{"visitID":"café"}}"""),
        new("form_utf8_bom_accepted", "POST", Engage, """\xef\xbb\xbfixnProfile=%7B%22visitID%22%3A%22v1%22%7D""", Form, 200, StatusJson, """{"visitID":"v1","ixnProfile":{"visitID":"v1"}}"""),
        new("form_charset_latin1", "POST", Engage, "ixnProfile=%7B%22visitID%22%3A%22caf%E9%22%7D", Form + "; charset=ISO-8859-1", 415, StatusJson, """{"code":3,"message":"Content-Type 'application/x-www-form-urlencoded; charset=ISO-8859-1': charset 'ISO-8859-1' is not supported; request bodies must be UTF-8 (charset=utf-8 or no charset)."}"""),
    ];

    // A binding error as google.rpc.Status JSON: INVALID_ARGUMENT with one BadRequest field violation.
    private static string Violation(string field, string description)
    {
        // proto3 JSON leaves out an empty string: a violation of the whole body has no "field".
        var message = field.Length == 0 ? description : field + ": " + description;
        var fieldMember = field.Length == 0 ? string.Empty : $$"""
            "field":"{{field}}",
            """;
        return $$"""{"code":3,"message":"{{message}}","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{{{fieldMember}}"description":"{{description}}"}]}]}""";
    }

    // The same error as the Avaya routes render it.
    private static string Problem(int status, string slug, string title, string field, string description)
    {
        var detail = field.Length == 0 ? description : field + ": " + description;
        return $$"""{"type":"{{ProblemType}}#{{slug}}","title":"{{title}}","status":{{status}},"detail":"{{detail}}","violations":[{"field":"{{field}}","message":"{{description}}"}]}""";
    }
}
