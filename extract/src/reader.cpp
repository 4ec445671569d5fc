// Reading a document: bytes from disk, validated, turned into the text the user sees.
#include <libxml/HTMLparser.h>
#include <openssl/evp.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "diplograph/extract/error.h"
#include "diplograph/extract/extractor.h"

namespace diplograph::extract {
namespace {

namespace fs = std::filesystem;

// Documents are read whole; anything larger than this is refused rather than risking memory.
constexpr std::uintmax_t kMaxDocumentBytes = 64u << 20;

std::string sha256(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::logic_error("SHA-256 unavailable");
  std::string hex;
  char buffer[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(buffer, sizeof buffer, "%02x", digest[i]);
    hex += buffer;
  }
  return hex;
}

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalidUtf8At(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    unsigned int min = 0;
    unsigned int codePoint = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80, codePoint = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800, codePoint = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, codePoint = c & 0x07;
    } else {
      return i;
    }
    if (i + length > s.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3F);
    }
    if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return i;
    i += length;
  }
  return std::string::npos;
}

bool looksBinary(const std::string& s) {
  std::size_t control = 0;
  for (unsigned char c : s.substr(0, 8192)) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > std::min<std::size_t>(s.size(), 8192);  // more than 5% control characters
}

std::string lowerExtension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

void silencePoppler(const std::string&, void*) {}

std::string pdfText(const std::string& bytes, const std::string& source) {
  poppler::set_debug_error_function(silencePoppler, nullptr);
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> document(poppler::document::load_from_data(&data));
  if (!document) throw InputError(source + ": cannot read this PDF (truncated or damaged)");
  if (document->is_locked()) throw InputError(source + ": the PDF is encrypted; remove the password first");
  std::string text;
  for (int i = 0; i < document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;
    const auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    if (i > 0) text += '\f';
    text.append(utf8.begin(), utf8.end());
  }
  if (text.find_first_not_of(" \t\r\n\f") == std::string::npos)
    throw InputError(source + ": the PDF has no text layer (a scan?); run OCR first");
  return text;
}

// Visible text of an HTML page: tags dropped, entities decoded by libxml2's forgiving HTML
// parser, a line break after each block element, script and style skipped.
void collectHtmlText(xmlNode* node, std::string& out) {
  static const std::set<std::string> kSkipped = {"script", "style", "head", "noscript", "template"};
  static const std::set<std::string> kBlocks = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                                "tr", "table", "section", "article", "header", "footer", "blockquote",
                                                "pre", "title", "dt", "dd", "hr", "td", "th"};
  for (xmlNode* child = node; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) out += reinterpret_cast<const char*>(child->content);
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(child->name);
    if (kSkipped.count(name)) continue;
    collectHtmlText(child->children, out);
    if (kBlocks.count(name)) {
      out += name == "td" || name == "th" ? "\t" : "\n";
    }
  }
}

std::string htmlText(const std::string& bytes, const std::string& source) {
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> document(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      xmlFreeDoc);
  if (!document) throw InputError(source + ": cannot parse this HTML");
  std::string text;
  collectHtmlText(xmlDocGetRootElement(document.get()), text);
  // Collapse the blank lines markup leaves behind, keeping paragraph breaks.
  std::string out;
  int newlines = 0;
  for (char c : text) {
    if (c == '\n') {
      if (++newlines <= 2) out += c;
      continue;
    }
    if (newlines > 0 && (c == ' ' || c == '\t')) continue;
    newlines = 0;
    out += c;
  }
  return out;
}

}  // namespace

Document readDocument(const std::filesystem::path& path) {
  const std::string source = path.string();
  std::error_code error;
  if (!fs::exists(path, error)) throw InputError(source + ": no such file or directory");
  if (fs::is_directory(path, error)) throw InputError(source + ": is a folder, not a document");
  const auto size = fs::file_size(path, error);
  if (error) throw InputError(source + ": cannot read (" + error.message() + ")");
  if (size > kMaxDocumentBytes)
    throw InputError(source + ": " + std::to_string(size >> 20) + " MiB is larger than the 64 MiB limit per document");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(source + ": cannot open (permission denied?)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string bytes = buffer.str();

  Document document{source, "", sha256(bytes)};
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos) throw InputError(source + ": the file is empty");
  if (bytes.rfind("%PDF-", 0) == 0 || lowerExtension(path) == ".pdf") {
    if (bytes.rfind("%PDF-", 0) != 0) throw InputError(source + ": not a PDF file (no %PDF header)");
    document.text = pdfText(bytes, source);
    return document;
  }
  if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0)
    throw InputError(source + ": the file is UTF-16; convert it with: iconv -f UTF-16 -t UTF-8");
  if (looksBinary(bytes)) throw InputError(source + ": looks like a binary file, not a text document");
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);  // UTF-8 byte order mark
  if (const auto bad = invalidUtf8At(bytes); bad != std::string::npos)
    throw InputError(source + ": invalid UTF-8 at byte " + std::to_string(bad) +
                     " (if it is Latin-1, convert it with: iconv -f LATIN1 -t UTF-8)");
  const std::string extension = lowerExtension(path);
  document.text = extension == ".html" || extension == ".htm" ? htmlText(bytes, source) : std::move(bytes);
  return document;
}

}  // namespace diplograph::extract
