<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-html.xsl: a tei-meeting TEI record -> one self-contained HTML reading edition (XSLT 1.0).

  One file, inline CSS, no script, nothing loaded from the network: it can be mailed, archived,
  opened from a USB stick, read on a phone and printed. What the reader sees:

    header panel    title; date and time of the meeting; the source (citation and a working
                    link); archive shelfmark; summary; credits; participants with their roles
    editorial marks a legend of the marks used in this record (only those that occur)
    record          the opener (dateline, subject), participants block, narrative paragraphs,
                    then each turn as <article class="turn" id="sp12"> (the sp's xml:id) with
                    its number (a link to itself) and the speaker's label as written (and the
                    person's name from the header when it says more)
    stage           set apart (italic, own block); inside a sentence kept in place, in italics
    supplied        [text] in the editors' brackets, marked and explained (title attribute)
    sic             the flagged words, then a visible [sic]
    gap             [illegible], [omitted] ... in a visible box, with the reason
    unclear         dotted underline; the transcript's own [?] stays after it
    quote           a quotation set as a block quotation; its numbered points as a list with
                    their labels as written; parts of a quotation interrupted by other
                    speakers say where it continues ("continued in turn 4")
    notes           numbered references at their point, the notes where the record lists them

  Run it without tei-meeting:  xsltproc -o record.html tei-to-html.xsl record.xml
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:key name="person" match="tei:person" use="@xml:id"/>
  <xsl:key name="part" match="tei:quote[@xml:id] | tei:list[@xml:id]" use="@xml:id"/>

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="source" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
  <xsl:variable name="setting" select="$header/tei:profileDesc/tei:settingDesc/tei:setting"/>
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="/tei:TEI/tei:text/@xml:lang">
        <xsl:value-of select="/tei:TEI/tei:text/@xml:lang"/>
      </xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title[1])">
        <xsl:value-of select="normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
      </xsl:when>
      <xsl:otherwise>Untitled record</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-meeting tei-to-html.xsl"/>
        <title><xsl:value-of select="$title"/></title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <xsl:apply-templates select="$header" mode="panel"/>
        <main class="record" id="record">
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/*" mode="block"/>
        </main>
        <footer class="colophon">
          <p>Reading edition generated from the TEI encoding of the record by tei-meeting.
            Turn anchors (<code>#sp1</code>, <code>#sp2</code>, ...) are the TEI <code>xml:id</code>s.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ============================================================ header panel -->
  <xsl:template match="tei:teiHeader" mode="panel">
    <header class="panel" id="about">
      <h1><xsl:value-of select="$title"/></h1>
      <dl class="facts">
        <xsl:call-template name="when"/>
        <xsl:if test="$setting/tei:placeName">
          <dt>Place</dt>
          <dd><xsl:value-of select="$setting/tei:placeName"/></dd>
        </xsl:if>
        <xsl:if test="$source/tei:bibl[@type='citation'] or $source/tei:ref">
          <dt>Source</dt>
          <dd class="source">
            <xsl:if test="$source/tei:bibl[@type='citation']">
              <span class="citation"><xsl:value-of select="$source/tei:bibl[@type='citation']"/></span>
            </xsl:if>
            <xsl:for-each select="$source/tei:ref[@target]">
              <xsl:text> </xsl:text>
              <a href="{@target}"><xsl:value-of select="."/></a>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:for-each select="tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier">
          <dt>Archive</dt>
          <dd>
            <xsl:for-each select="*">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:if test="self::tei:idno">
                <xsl:value-of select="concat(@type, ' ')"/>
              </xsl:if>
              <xsl:value-of select="."/>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:for-each select="$source/tei:textLang">
          <dt>Original language</dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <xsl:for-each select="tei:profileDesc/tei:langUsage/tei:language[1]">
          <dt>Language of this text</dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <xsl:for-each select="tei:fileDesc/tei:notesStmt/tei:note[@type='credits']">
          <dt>Credits</dt>
          <dd><xsl:value-of select="."/></dd>
        </xsl:for-each>
        <xsl:if test="not($source)">
          <dt>Source</dt>
          <dd><xsl:value-of select="tei:fileDesc/tei:sourceDesc/tei:p[1]"/></dd>
        </xsl:if>
      </dl>
      <xsl:if test="tei:profileDesc/tei:abstract">
        <section class="summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <xsl:for-each select="tei:profileDesc/tei:abstract/tei:p">
            <p><xsl:value-of select="."/></p>
          </xsl:for-each>
        </section>
      </xsl:if>
      <xsl:if test="tei:profileDesc/tei:particDesc//tei:person">
        <section class="participants" aria-labelledby="participants-heading">
          <h2 id="participants-heading">Participants</h2>
          <ul>
            <xsl:for-each select="tei:profileDesc/tei:particDesc//tei:person">
              <li id="person-{@xml:id}">
                <span class="name"><xsl:value-of select="tei:persName[1]"/></span>
                <xsl:for-each select="tei:occupation | tei:affiliation">
                  <xsl:text>, </xsl:text>
                  <span class="role"><xsl:value-of select="."/></span>
                </xsl:for-each>
                <xsl:variable name="turns" select="count(//tei:sp[@who = concat('#', current()/@xml:id)])"/>
                <span class="count">
                  <xsl:value-of select="concat(' (', $turns, ' turn')"/>
                  <xsl:if test="$turns != 1">s</xsl:if>
                  <xsl:text>)</xsl:text>
                </span>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:if>
      <xsl:call-template name="legend"/>
    </header>
  </xsl:template>

  <!-- Date and time: from the setting (normalised values), shown as the record wrote them. -->
  <xsl:template name="when">
    <xsl:variable name="dateline" select="(//tei:body//tei:dateline[tei:date or tei:time])[1]"/>
    <xsl:choose>
      <xsl:when test="$dateline">
        <dt>Date and time</dt>
        <dd>
          <xsl:for-each select="$dateline/tei:date | $dateline/tei:time">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
        </dd>
      </xsl:when>
      <xsl:when test="$setting/tei:date or $source/tei:date">
        <dt>Date</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$source/tei:date">
              <xsl:apply-templates select="$source/tei:date"/>
            </xsl:when>
            <xsl:otherwise>
              <time datetime="{$setting/tei:date/@when}"><xsl:value-of select="$setting/tei:date/@when"/></time>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$setting/tei:time/@from">
            <xsl:value-of select="concat(', ', substring($setting/tei:time/@from, 1, 5), '–', substring($setting/tei:time/@to, 1, 5))"/>
          </xsl:if>
        </dd>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The editorial marks used in this record, each with what it means. -->
  <xsl:template name="legend">
    <xsl:variable name="text" select="/tei:TEI/tei:text"/>
    <xsl:if test="$text//tei:supplied or $text//tei:sic or $text//tei:gap or $text//tei:unclear or $text//tei:stage">
      <section class="legend" aria-labelledby="legend-heading">
        <h2 id="legend-heading">Editorial marks</h2>
        <dl>
          <xsl:if test="$text//tei:supplied">
            <dt><span class="supplied">[words]</span></dt>
            <dd>supplied by the transcript's editors (an explanation or expansion, not spoken)</dd>
          </xsl:if>
          <xsl:if test="$text//tei:sic">
            <dt><span class="sic">words</span> <span class="sic-mark">[sic]</span></dt>
            <dd>so in the original: the editors flagged these words as written, not corrected</dd>
          </xsl:if>
          <xsl:if test="$text//tei:gap">
            <dt><span class="gap">[illegible]</span></dt>
            <dd>text missing from the transcript; the box says why (illegible, inaudible, omitted)</dd>
          </xsl:if>
          <xsl:if test="$text//tei:unclear">
            <dt><span class="unclear">word</span></dt>
            <dd>a reading the editors doubted</dd>
          </xsl:if>
          <xsl:if test="$text//tei:stage">
            <dt><span class="stage">(Stage direction)</span></dt>
            <dd>what happened in the room, as the record describes it; not speech</dd>
          </xsl:if>
        </dl>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ blocks -->
  <xsl:template match="tei:div" mode="block">
    <section class="div">
      <xsl:if test="@type">
        <xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="*" mode="block"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:opener" mode="block">
    <div class="opener">
      <xsl:apply-templates select="*" mode="block"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:dateline" mode="block">
    <p class="dateline"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:argument" mode="block">
    <div class="argument"><xsl:apply-templates select="*" mode="block"/></div>
  </xsl:template>

  <xsl:template match="tei:opener/tei:note | tei:div/tei:note" mode="block">
    <p class="record-note {@type}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:head" mode="block">
    <h2><xsl:apply-templates/></h2>
  </xsl:template>

  <xsl:template match="tei:list[@type='participants']" mode="block">
    <section class="participants-block">
      <xsl:for-each select="tei:head">
        <h2><xsl:apply-templates/></h2>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="tei:label">
          <dl>
            <xsl:for-each select="tei:label">
              <dt><xsl:apply-templates/></dt>
              <dd>
                <ul>
                  <xsl:for-each select="following-sibling::tei:item[1]/tei:list/tei:item">
                    <li><xsl:apply-templates/></li>
                  </xsl:for-each>
                </ul>
              </dd>
            </xsl:for-each>
          </dl>
        </xsl:when>
        <xsl:otherwise>
          <ul>
            <xsl:for-each select="tei:item">
              <li><xsl:apply-templates/></li>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="tei:sp" mode="block">
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('sp', count(preceding::tei:sp) + 1)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="number">
      <xsl:call-template name="turn-number"/>
    </xsl:variable>
    <xsl:variable name="who" select="substring-before(concat(normalize-space(@who), ' '), ' ')"/>
    <xsl:variable name="person" select="key('person', substring($who, 2))"/>
    <article class="turn" id="{$id}" data-n="{$number}" data-who="{substring($who, 2)}">
      <header class="turn-head">
        <a class="turn-number" href="#{$id}" title="turn {$number}"><xsl:value-of select="$number"/></a>
        <xsl:text> </xsl:text>
        <span class="speaker"><xsl:apply-templates select="tei:speaker/node()"/></span>
        <xsl:variable name="label" select="translate(normalize-space(tei:speaker), ':.', '')"/>
        <xsl:if test="$person/tei:persName and normalize-space($person/tei:persName[1]) != $label">
          <xsl:text> </xsl:text>
          <a class="person" href="#person-{$person/@xml:id}"><xsl:value-of select="$person/tei:persName[1]"/></a>
        </xsl:if>
      </header>
      <div class="speech">
        <xsl:apply-templates select="*[not(self::tei:speaker)]" mode="block"/>
      </div>
    </article>
  </xsl:template>

  <!-- The turn's number: from its id (sp12 -> 12), counted only when the id says nothing. -->
  <xsl:template name="turn-number">
    <xsl:variable name="tail" select="substring-after(@xml:id, 'sp')"/>
    <xsl:choose>
      <xsl:when test="$tail != '' and translate($tail, '0123456789', '') = ''">
        <xsl:value-of select="$tail"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:number level="any" count="tei:sp"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:p" mode="block">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:ab" mode="block">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:stage" mode="block">
    <p class="stage">
      <xsl:if test="@type">
        <xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- A quotation: a block quotation, with where it continues from and to when it is in parts. -->
  <xsl:template match="tei:quote" mode="block">
    <blockquote class="quote">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="continued">
        <xsl:with-param name="pointer" select="@prev"/>
        <xsl:with-param name="words" select="'continued from'"/>
      </xsl:call-template>
      <xsl:apply-templates select="*" mode="block"/>
      <xsl:call-template name="continued">
        <xsl:with-param name="pointer" select="@next"/>
        <xsl:with-param name="words" select="'continued in'"/>
      </xsl:call-template>
    </blockquote>
  </xsl:template>

  <xsl:template name="continued">
    <xsl:param name="pointer"/>
    <xsl:param name="words"/>
    <xsl:if test="$pointer">
      <xsl:variable name="target" select="key('part', substring($pointer, 2))"/>
      <xsl:variable name="turn" select="$target/ancestor::tei:sp[1]"/>
      <p class="continued">
        <a href="{$pointer}">
          <xsl:value-of select="concat('(', $words, ' ')"/>
          <xsl:choose>
            <xsl:when test="$turn">
              <xsl:for-each select="$turn">
                <xsl:text>turn </xsl:text>
                <xsl:call-template name="turn-number"/>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>the next part</xsl:otherwise>
          </xsl:choose>
          <xsl:text>)</xsl:text>
        </a>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Numbered points: their labels as written (1), 2), ...), not the browser's numbers. -->
  <xsl:template match="tei:list" mode="block">
    <ol class="points">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="tei:item">
        <li>
          <xsl:if test="@n and translate(@n, '0123456789', '') = ''">
            <xsl:attribute name="value"><xsl:value-of select="@n"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="preceding-sibling::*[1][self::tei:label]">
            <span class="label"><xsl:value-of select="preceding-sibling::*[1]"/></span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:apply-templates/>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- The notes, where the record listed them. -->
  <xsl:template match="tei:divGen[@type='notes']" mode="block">
    <section class="notes">
      <xsl:for-each select="tei:head">
        <h2><xsl:apply-templates/></h2>
      </xsl:for-each>
      <ol>
        <xsl:for-each select="//tei:text//tei:note[@place='end']">
          <li id="note-{@n}">
            <span class="label"><xsl:value-of select="concat('[', @n, '] ')"/></span>
            <xsl:apply-templates/>
            <xsl:text> </xsl:text>
            <a class="back" href="#noteref-{@n}" title="back to the text">↩</a>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <!-- Anything else at block level: its text, in a paragraph, so that nothing is lost. -->
  <xsl:template match="*" mode="block">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- ============================================================ inline -->
  <xsl:template match="tei:supplied">
    <span class="supplied" title="supplied by the transcript's editors">[<xsl:apply-templates/>]</span>
  </xsl:template>

  <xsl:template match="tei:sic">
    <span class="sic" title="sic: so in the original"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
    <span class="sic-mark">[sic]</span>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:variable name="reason">
      <xsl:choose>
        <xsl:when test="@reason"><xsl:value-of select="@reason"/></xsl:when>
        <xsl:otherwise>missing</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="gap" title="text missing from the transcript: {$reason}">
      <xsl:choose>
        <xsl:when test="tei:desc">
          <xsl:value-of select="concat('[', tei:desc, ']')"/>
        </xsl:when>
        <xsl:when test="@reason = 'omitted'">[…]</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('[', $reason, ']')"/>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <span class="unclear" title="uncertain reading"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:stage">
    <em class="stage">
      <xsl:if test="@type">
        <xsl:attribute name="data-type"><xsl:value-of select="@type"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </em>
  </xsl:template>

  <xsl:template match="tei:q">
    <span class="q"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:quote">
    <span class="quote-inline">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
    <xsl:if test="@next">
      <xsl:text> </xsl:text>
      <xsl:call-template name="continued">
        <xsl:with-param name="pointer" select="@next"/>
        <xsl:with-param name="words" select="'continued in'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note[@place='end']">
    <a class="noteref" id="noteref-{@n}" href="#note-{@n}" title="{normalize-space(.)}">
      <sup><xsl:value-of select="@n"/></sup>
    </a>
  </xsl:template>

  <xsl:template match="tei:date[@when]">
    <time datetime="{@when}"><xsl:apply-templates/></time>
  </xsl:template>

  <xsl:template match="tei:time[@from]">
    <time datetime="{@from}"><xsl:apply-templates/></time>
  </xsl:template>

  <xsl:template match="tei:time[@when]">
    <time datetime="{@when}"><xsl:apply-templates/></time>
  </xsl:template>

  <xsl:template match="tei:persName[@ref]">
    <a class="person" href="#person-{substring(@ref, 2)}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="tei:roleName">
    <span class="role"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:placeName">
    <span class="place"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ============================================================ style -->
  <xsl:variable name="css">
:root { --ink: #1d1d1f; --muted: #5a5a66; --rule: #d9d6cf; --paper: #fffdf8; --panel: #f4f1ea; --accent: #7a2e1f; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.1rem 3rem; background: var(--paper); color: var(--ink);
  font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; overflow-wrap: break-word; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0.2rem 0 0.8rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
a { color: var(--accent); }
.panel { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 0.9rem 1.1rem; margin-bottom: 1.6rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.9rem; margin: 0; }
.facts dt { font-weight: bold; color: var(--muted); }
.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.participants ul, .participants-block ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.participants .count { color: var(--muted); font-size: 0.9em; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 0.9rem; margin: 0; font-size: 0.95em; }
.legend dd { margin: 0; min-width: 0; }
.stage { font-style: italic; }
.opener, .participants-block { margin-bottom: 1.2rem; }
.dateline { font-style: italic; }
.turn { border-top: 1px solid var(--rule); padding: 0.5rem 0 0.2rem; }
.turn:target { background: #fff4cc; }
.turn-head { font-weight: bold; }
.turn-number { display: inline-block; min-width: 2.2em; font: 0.8rem/1 system-ui, sans-serif; color: var(--muted);
  text-decoration: none; border: 1px solid var(--rule); border-radius: 3px; padding: 0.15em 0.3em; text-align: center; }
.turn-head .person { font-weight: normal; color: var(--muted); font-size: 0.9em; }
.speech p { margin: 0.35rem 0 0.6rem; }
p.stage { font-style: italic; color: var(--muted); margin: 0.8rem 0 0.8rem 2.2rem; }
em.stage { color: var(--muted); }
.supplied { color: #2d5a87; }
.sic { text-decoration: underline wavy #b56a00; }
.sic-mark { font-size: 0.8em; color: #b56a00; }
.gap { font: 0.85em system-ui, sans-serif; border: 1px dashed var(--muted); border-radius: 3px; padding: 0 0.3em; color: var(--muted); }
.unclear { text-decoration: underline dotted; }
blockquote.quote { margin: 0.6rem 0 0.8rem 0.6rem; padding: 0.1rem 0 0.1rem 1rem; border-left: 3px solid var(--accent); background: #faf6ee; }
.quote-inline { background: #faf6ee; }
.continued { font: 0.85rem system-ui, sans-serif; margin: 0.2rem 0; }
ol.points { list-style: none; padding-left: 0.4rem; }
ol.points li { margin: 0.4rem 0; padding-left: 2rem; text-indent: -2rem; }
ol.points .label { display: inline-block; min-width: 2rem; text-indent: 0; font-weight: bold; }
.noteref { text-decoration: none; }
.notes ol { list-style: none; padding-left: 0; }
.record-note { font: 0.9rem system-ui, sans-serif; color: var(--muted); }
.colophon { margin-top: 2.5rem; border-top: 1px solid var(--rule); font-size: 0.85rem; color: var(--muted); }
@media (max-width: 32rem) {
  body { font-size: 1rem; padding: 0.6rem 0.7rem 2rem; }
  .facts, .legend dl { grid-template-columns: minmax(0, 1fr); }
  .facts dd, .legend dd { margin-bottom: 0.4rem; }
  p.stage { margin-left: 1rem; }
}
@media print {
  body { background: #fff; max-width: none; font-size: 11pt; padding: 0; }
  .panel { background: none; border: 0; padding: 0; }
  .turn { break-inside: avoid; page-break-inside: avoid; }
  .turn:target { background: none; }
  a { color: inherit; text-decoration: none; }
  .turn-number { border: 0; }
  blockquote.quote, .quote-inline { background: none; }
}
</xsl:variable>
</xsl:stylesheet>
