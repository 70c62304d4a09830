namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>
/// Parses a <c>google.api.HttpRule</c> path template by recursive descent over the grammar of
/// http.proto (https://github.com/googleapis/googleapis/blob/master/google/api/http.proto):
/// <code>
/// Template = "/" Segments [ Verb ] ;
/// Segments = Segment { "/" Segment } ;
/// Segment  = "*" | "**" | LITERAL | Variable ;
/// Variable = "{" FieldPath [ "=" Segments ] "}" ;
/// FieldPath = IDENT { "." IDENT } ;
/// Verb     = ":" LITERAL ;
/// </code>
/// plus its rules: <c>**</c> only last (before the verb), <c>{var}</c> means <c>{var=*}</c>,
/// no variable inside a variable, each field bound once. Every failure is a
/// <see cref="FormatException"/> with one short message; tests assert them exactly.
/// </summary>
internal sealed class HttpTemplateParser
{
    private readonly string _text;
    private readonly List<TemplateSegment> _segments = [];
    private readonly List<TemplateVariable> _variables = [];
    private int _position;
    private bool _inVariable;

    private HttpTemplateParser(string text) => _text = text;

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    internal static HttpTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new HttpTemplateParser(text).ParseTemplate();
    }

    // Template = "/" Segments [ Verb ] ;
    private HttpTemplate ParseTemplate()
    {
        if (Current != '/')
        {
            throw new FormatException("Path template must start with '/'.");
        }

        _position++;
        ParseSegments();
        string? verb = null;
        if (!AtEnd && Current == ':')
        {
            _position++;
            verb = ParseLiteral();
            if (verb.Length == 0)
            {
                throw new FormatException("Verb after ':' must not be empty.");
            }
        }

        if (!AtEnd)
        {
            throw Unexpected();
        }

        for (var i = 0; i < _segments.Count - 1; i++)
        {
            if (_segments[i].Kind == TemplateSegmentKind.DeepWildcard)
            {
                throw new FormatException("'**' must be the last segment.");
            }
        }

        return new HttpTemplate(_text, _segments.ToArray(), _variables.ToArray(), verb);
    }

    // Segments = Segment { "/" Segment } ;
    private void ParseSegments()
    {
        ParseSegment();
        while (!AtEnd && Current == '/')
        {
            _position++;
            ParseSegment();
        }
    }

    // Segment = "*" | "**" | LITERAL | Variable ;
    private void ParseSegment()
    {
        if (AtEnd || Current is '/' or ':' or '}')
        {
            throw new FormatException("Path template has an empty segment.");
        }

        if (Current == '{')
        {
            if (_inVariable)
            {
                throw new FormatException("Variable can't be nested.");
            }

            ParseVariable();
            return;
        }

        if (Current == '*')
        {
            _position++;
            var deep = !AtEnd && Current == '*';
            if (deep)
            {
                _position++;
            }

            if (!AtEnd && Current is not ('/' or ':' or '}'))
            {
                throw new FormatException("'*' and '**' must fill their whole segment.");
            }

            _segments.Add(deep ? TemplateSegment.DeepWildcard : TemplateSegment.Wildcard);
            return;
        }

        var literal = ParseLiteral();
        if (literal.Length == 0)
        {
            throw Unexpected();
        }

        _segments.Add(new TemplateSegment(TemplateSegmentKind.Literal, literal));
    }

    // Variable = "{" FieldPath [ "=" Segments ] "}" ;
    private void ParseVariable()
    {
        _position++;
        var fieldPath = ParseFieldPath();
        var start = _segments.Count;
        if (!AtEnd && Current == '=')
        {
            _position++;
            _inVariable = true;
            ParseSegments();
            _inVariable = false;
        }
        else
        {
            _segments.Add(TemplateSegment.Wildcard);
        }

        if (AtEnd || Current != '}')
        {
            throw new FormatException($"Missing '}}' after variable '{fieldPath}'.");
        }

        _position++;
        if (_variables.Exists(v => v.FieldPath == fieldPath))
        {
            throw new FormatException($"Variable '{fieldPath}' is bound more than once.");
        }

        var end = _segments.Count;
        var deep = _segments[end - 1].Kind == TemplateSegmentKind.DeepWildcard;
        _variables.Add(new TemplateVariable(fieldPath, start, end) { IsMultiSegment = end - start > 1 || deep, EndsWithDeepWildcard = deep });
    }

    // FieldPath = IDENT { "." IDENT } ;
    private string ParseFieldPath()
    {
        var start = _position;
        while (!AtEnd && Current is not ('=' or '}' or '/' or '{'))
        {
            _position++;
        }

        var path = _text[start.._position];
        if (!IsFieldPath(path))
        {
            throw new FormatException($"Variable field path '{path}' is not a dotted list of identifiers.");
        }

        return path;
    }

    // LITERAL: URL path characters other than the template's own / { } * : and the URL's ? #.
    private string ParseLiteral()
    {
        var start = _position;
        while (!AtEnd && IsLiteralCharacter(Current))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private FormatException Unexpected() => new($"Unexpected '{Current}' at position {_position}.");

    private static bool IsLiteralCharacter(char c) =>
        c > ' ' && c < 0x7f && c is not ('/' or '{' or '}' or '*' or ':' or '?' or '#');

    private static bool IsFieldPath(string path)
    {
        foreach (var identifier in path.Split('.'))
        {
            if (identifier.Length == 0 || !(char.IsAsciiLetter(identifier[0]) || identifier[0] == '_'))
            {
                return false;
            }

            foreach (var c in identifier)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
