// Diagnostic codes, sorting, caret rendering and "did you mean".
#include "lang/diagnostics.h"

#include "common/text.h"

#include <algorithm>
#include <tuple>

namespace edict::lang {

namespace {
struct CodeInfo {
  std::string_view id;
  Severity severity;
  std::string_view meaning;
};

const CodeInfo kCodes[] = {
#define EDICT_DIAG_INFO(code, name, sev, meaning) {#code, Severity::sev, meaning},
    EDICT_DIAGNOSTICS(EDICT_DIAG_INFO)
#undef EDICT_DIAG_INFO
};

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string_view code_id(Code c) { return kCodes[static_cast<size_t>(c)].id; }
std::string_view code_meaning(Code c) { return kCodes[static_cast<size_t>(c)].meaning; }
Severity default_severity(Code c) { return kCodes[static_cast<size_t>(c)].severity; }

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

void DiagnosticSink::report(Code code, Span span, std::string message, std::vector<Note> notes) {
  diags_.push_back({default_severity(code), code, span, std::move(message), std::move(notes)});
}

bool DiagnosticSink::has_errors() const { return error_count() > 0; }

void DiagnosticSink::promote_warnings() {
  for (Diagnostic& d : diags_) {
    if (d.severity == Severity::Warning) d.severity = Severity::Error;
  }
}

size_t DiagnosticSink::error_count() const {
  return static_cast<size_t>(std::count_if(diags_.begin(), diags_.end(),
                                           [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  std::vector<Diagnostic> out = diags_;
  auto key = [](const Diagnostic& d) {
    return std::make_tuple(d.span.file, d.span.begin, d.span.end, static_cast<int>(d.code), d.message,
                           static_cast<int>(d.severity));
  };
  std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
            out.end());
  return out;
}

std::string safe_line(std::string_view line, std::vector<size_t>& column) {
  std::string shown;
  column.assign(line.size() + 1, 0);
  size_t col = 0;
  for (size_t i = 0; i < line.size();) {
    auto c = static_cast<unsigned char>(line[i]);
    size_t n = text::utf8_sequence_length(line, i);
    for (size_t k = 0; k < std::max<size_t>(n, 1); ++k) column[i + k] = col;
    if (n == 0) {
      shown += '?';
      ++i;
    } else if (n == 1) {
      shown += c == '\t' ? ' ' : (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
      ++i;
    } else {
      shown.append(line.substr(i, n));
      i += n;
    }
    ++col;
  }
  column[line.size()] = col;
  return shown;
}

std::string location(const SourceManager& sources, const Span& span) {
  if (span.file >= sources.size()) return {};
  const SourceFile& f = sources.file(span.file);
  LineCol lc = f.line_col(span.begin);
  return location(f.path(), lc.line, lc.col);
}

std::string location(std::string_view path, size_t line, size_t col) {
  std::string out(path);
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(col);
  return out;
}

std::string render_caret(const SourceManager& sources, const Span& span, const CaretStyle& style) {
  const SourceFile& f = sources.file(span.file);
  LineCol lc = f.line_col(span.begin);
  std::string_view line = f.line_text(lc.line);
  std::string num = std::to_string(lc.line);
  std::string pad(num.size(), ' ');
  std::vector<size_t> column;
  std::string shown = safe_line(line, column);
  size_t width = column[line.size()];
  size_t start_byte = std::min<size_t>(lc.col - 1, line.size());
  size_t end_byte = start_byte + 1;
  if (span.end > span.begin) {
    LineCol end = f.line_col(span.end);
    end_byte = end.line == lc.line ? end.col - 1 : line.size();
  }
  end_byte = std::min(std::max(end_byte, start_byte + 1), line.size() + 1);
  size_t start = column[start_byte];
  size_t len = std::max<size_t>(1, (end_byte <= line.size() ? column[end_byte] : width + 1) - start);
  std::string out;
  if (style.gutter_above) out += " " + pad + " |\n";
  out += " " + num + " | " + shown + "\n";
  out += " " + pad + " | " + std::string(start, ' ') + style.color + "^" + std::string(len - 1, style.fill) + style.reset +
         "\n";
  return out;
}

std::string render(const Diagnostic& d, const SourceManager& sources, const RenderOptions& opts) {
  const char* bold = opts.color ? "\033[1m" : "";
  const char* reset = opts.color ? "\033[0m" : "";
  const char* sev_color = !opts.color ? "" : d.severity == Severity::Error ? "\033[1;31m" : "\033[1;33m";
  CaretStyle caret;
  caret.color = opts.color ? "\033[1;32m" : "";
  caret.reset = reset;
  std::string out = std::string(bold) + location(sources, d.span) + ": " + reset + sev_color +
                    std::string(severity_name(d.severity)) + "[" + std::string(code_id(d.code)) + "]" + reset + bold +
                    ": " + d.message + reset + "\n";
  out += render_caret(sources, d.span, caret);
  std::string pad(std::to_string(sources.file(d.span.file).line_col(d.span.begin).line).size(), ' ');
  for (const Note& n : d.notes) {
    bool help = n.text.rfind("did you mean", 0) == 0;
    if (n.has_span) {
      out += " " + pad + " = note: " + location(sources, n.span) + ": " + n.text + "\n";
    } else {
      out += " " + pad + " = " + (help ? "help: " : "note: ") + n.text + "\n";
    }
  }
  return out;
}

std::string render_all(const DiagnosticSink& sink, const SourceManager& sources, const RenderOptions& opts) {
  std::string out;
  for (const Diagnostic& d : sink.sorted()) out += render(d, sources, opts);
  return out;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(2, name.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = edit_distance(name, c);
    if (d < best_d || (d == best_d && !best.empty() && c < best)) {
      if (d < best_d) best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace edict::lang
